import type {
  AdGroupSettings,
  CampaignSettings,
  Identity,
  adFormats,
  callsToAction,
} from '@whathead/contracts';

/** The words the builder's forms show for TikTok's enum values. */

type CallToAction = (typeof callsToAction)[number];
type AdFormat = (typeof adFormats)[number];

export const statusLabels: Record<CampaignSettings['status'], string> = {
  ENABLE: 'Active',
  DISABLE: 'Paused',
};

export const statusOptions = (['ENABLE', 'DISABLE'] as const).map((value) => ({
  value,
  label: statusLabels[value],
}));

export const campaignBudgetModeLabels: Record<CampaignSettings['budgetMode'], string> = {
  BUDGET_MODE_INFINITE: 'No limit',
  BUDGET_MODE_DAY: 'Daily',
  BUDGET_MODE_TOTAL: 'Lifetime',
};

export const placementLabels: Record<AdGroupSettings['placements'][number], string> = {
  PLACEMENT_TIKTOK: 'TikTok',
  PLACEMENT_PANGLE: 'Pangle',
  PLACEMENT_GLOBAL_APP_BUNDLE: 'Global App Bundle',
};

export const ageGroupLabels: Record<AdGroupSettings['ageGroups'][number], string> = {
  AGE_13_17: '13–17',
  AGE_18_24: '18–24',
  AGE_25_34: '25–34',
  AGE_35_44: '35–44',
  AGE_45_54: '45–54',
  AGE_55_100: '55+',
};

export const genderLabels: Record<AdGroupSettings['gender'], string> = {
  GENDER_UNLIMITED: 'All',
  GENDER_MALE: 'Male',
  GENDER_FEMALE: 'Female',
};

/** Common languages by TikTok's codes; an ad group loaded with another keeps it, shown by its code. */
export const languageLabels: Record<string, string> = {
  en: 'English',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  ja: 'Japanese',
  ko: 'Korean',
  zh: 'Chinese',
  ar: 'Arabic',
  tr: 'Turkish',
  ru: 'Russian',
  id: 'Indonesian',
  th: 'Thai',
  vi: 'Vietnamese',
};

export const adFormatLabels: Record<AdFormat, string> = {
  SINGLE_VIDEO: 'Single video',
  SINGLE_IMAGE: 'Single image',
};

export const callToActionLabels: Record<CallToAction, string> = {
  LEARN_MORE: 'Learn more',
  SHOP_NOW: 'Shop now',
  SIGN_UP: 'Sign up',
  CONTACT_US: 'Contact us',
  APPLY_NOW: 'Apply now',
  DOWNLOAD_NOW: 'Download now',
  BOOK_NOW: 'Book now',
  ORDER_NOW: 'Order now',
  WATCH_NOW: 'Watch now',
  GET_QUOTE: 'Get quote',
  SUBSCRIBE: 'Subscribe',
  READ_MORE: 'Read more',
  VIEW_NOW: 'View now',
  INSTALL_NOW: 'Install now',
  PLAY_GAME: 'Play game',
};

export const identityTypeLabels: Record<Identity['type'], string> = {
  CUSTOMIZED_USER: 'Custom identity',
  AUTH_CODE: 'Authorised TikTok account',
  TT_USER: 'TikTok account',
  BC_AUTH_TT: 'Business Center TikTok account',
};

/** What shows under a setting TikTok keeps as it was created. */
export const fixedAfterPublishing = 'Can’t change after publishing — duplicate instead.';

/** "Daily budget (USD)": the amount's label with the account's currency. */
export function withCurrency(label: string, currency: string | null): string {
  return currency ? `${label} (${currency})` : label;
}
