// Reference §4.3 with corrections 2 and 4: the values TikTok accepts on create, and the ones it
// only shows on old objects (rejected with a message that says so).

export const creatableObjectives = [
  'APP_PROMOTION',
  'WEB_CONVERSIONS',
  'REACH',
  'TRAFFIC',
  'VIDEO_VIEWS',
  'ENGAGEMENT',
  'LEAD_GENERATION',
  'PRODUCT_SALES',
] as const;
export const deprecatedObjectives = [
  'CONVERSIONS',
  'APP_INSTALL',
  'CATALOG_SALES',
  'SHOP_PURCHASES',
  'RF_TRAFFIC',
  'RF_VIDEO_VIEW',
  'RF_APP_INSTALL',
  'RF_ENGAGEMENT',
] as const;
export const readOnlyObjectives = [
  'TOPVIEW_REACH',
  'BRAND_AD',
  'EST_AD',
  'SS_HTC_AD',
  'NONE_TYPE',
  'SHOP',
] as const;

export const budgetModes = [
  'BUDGET_MODE_INFINITE',
  'BUDGET_MODE_DAY',
  'BUDGET_MODE_TOTAL',
  'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
] as const;
export const writableOperationStatuses = ['ENABLE', 'DISABLE'] as const;
export const statusUpdateOperations = ['ENABLE', 'DISABLE', 'DELETE'] as const;

export const primaryStatuses = [
  'STATUS_ALL',
  'STATUS_NOT_DELETE',
  'STATUS_DELETE',
  'STATUS_DELIVERY_OK',
  'STATUS_NOT_DELIVERY',
  'STATUS_DISABLE',
  'STATUS_FROZEN',
  'STATUS_TIME_DONE',
  'STATUS_RF_CLOSED',
  'STATUS_CLOSED',
] as const;

export const placementTypes = ['PLACEMENT_TYPE_AUTOMATIC', 'PLACEMENT_TYPE_NORMAL'] as const;
export const placements = ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE', 'PLACEMENT_GLOBAL_APP_BUNDLE'] as const;
export const billingEvents = ['CPC', 'CPM', 'CPV', 'OCPM'] as const;
export const optimizationGoals = [
  'CLICK',
  'REACH',
  'SHOW',
  'ENGAGED_VIEW',
  'CONVERT',
  'INSTALL',
  'IN_APP_EVENT',
  'VALUE',
  'LEAD_GENERATION',
  'TRAFFIC_LANDING_PAGE_VIEW',
  'FOLLOWERS',
  'PROFILE_VIEWS',
  'MT_LIVE_ROOM',
  'PRODUCT_CLICK_IN_LIVE',
  'CONVERSATION',
  'PAGE_VISIT',
  'VIDEO_VIEW',
] as const;
export const bidTypes = ['BID_TYPE_NO_BID', 'BID_TYPE_CUSTOM', 'BID_TYPE_MAX_CONVERSION'] as const;
export const pacings = ['PACING_MODE_SMOOTH', 'PACING_MODE_FAST'] as const;
export const scheduleTypes = ['SCHEDULE_FROM_NOW', 'SCHEDULE_START_END'] as const;
export const promotionTypes = [
  'WEBSITE',
  'APP_ANDROID',
  'APP_IOS',
  'LEAD_GENERATION',
  'WEBSITE_OR_DISPLAY',
  'TIKTOK_SHOP',
  'VIDEO_SHOPPING',
  'LIVE_SHOPPING',
  'PRODUCT_SHOPPING',
  'MINI_APP',
  'LEAD_GEN_CLICK_TO_CALL',
  'LEAD_GEN_CLICK_TO_TT_DIRECT_MESSAGE',
] as const;
export const genders = ['GENDER_UNLIMITED', 'GENDER_MALE', 'GENDER_FEMALE'] as const;
export const ageGroups = [
  'AGE_13_17',
  'AGE_18_24',
  'AGE_25_34',
  'AGE_35_44',
  'AGE_45_54',
  'AGE_55_100',
] as const;
export const operatingSystems = ['ANDROID', 'IOS'] as const;
export const networkTypes = ['2G', '3G', '4G', '5G', 'WIFI'] as const;
export const adFormats = [
  'SINGLE_VIDEO',
  'SINGLE_IMAGE',
  'LIVE_CONTENT',
  'CAROUSEL_ADS',
  'CATALOG_CAROUSEL',
] as const;
export const identityTypes = [
  'CUSTOMIZED_USER',
  'AUTH_CODE',
  'TT_USER',
  'BC_AUTH_TT',
  'TTS_TT',
  'BC_SELF_TT',
] as const;
export const callsToAction = [
  'LEARN_MORE',
  'SHOP_NOW',
  'SIGN_UP',
  'CONTACT_US',
  'APPLY_NOW',
  'DOWNLOAD_NOW',
  'BOOK_NOW',
  'ORDER_NOW',
  'WATCH_NOW',
  'PLAY_GAME',
  'INSTALL_NOW',
  'GET_QUOTE',
  'SUBSCRIBE',
  'READ_MORE',
  'VIEW_NOW',
  'VISIT_STORE',
  'WATCH_LIVE',
  'SEND_MESSAGE',
  'CALL_NOW',
  'INTERESTED',
] as const;
export const specialIndustries = ['HOUSING', 'EMPLOYMENT', 'CREDIT'] as const;
