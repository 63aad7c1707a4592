import { z } from 'zod';

// Building blocks for the response schemas of every endpoint (style.md principle 4): lenient
// to TikTok — nullish fields, unknown enum values kept as strings — and ids always strings.

/**
 * Reference §4.4/§9: ids arrive as strings, but some (scope ids, ids from older gateways) arrive
 * as JSON numbers. Large ones are already exact strings (lossless-json.ts); small ones are
 * converted here, so ids are strings end to end.
 */
export const idSchema = z.union([z.string(), z.number().int()]).transform(String);

export const idListSchema = z
  .array(idSchema)
  .nullish()
  .transform((ids) => ids ?? []);

/** A field TikTok may omit or send as null; reaches our code as `undefined`. */
export const optional = <Schema extends z.ZodType>(schema: Schema) =>
  schema.nullish().transform((value): z.output<Schema> | undefined => value ?? undefined);

export const optionalString = optional(z.string());

// Control characters, and the bidirectional overrides and isolates that can make a name read
// backwards on screen ("gpj.exe").
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const lineBreaksAndTabs = /[\t\n\v\f\r\u2028\u2029]+/g;

/** Longer than any name TikTok's own forms accept; keeps one odd answer out of every page. */
export const maximumNameLength = 200;

/** Campaign, ad group and ad names: TikTok takes up to 512 characters (reference §4.1). */
export const maximumEntityNameLength = 512;

/**
 * A name TikTok shows: one line of text of at most `maximum` characters (code points, so an emoji
 * is never split). Line breaks and tabs become spaces and other control characters are dropped, so
 * a name pasted with a stray character neither breaks our pages nor the database, which cannot
 * store NUL.
 */
const nameOfAtMost = (maximum: number) =>
  optional(
    z
      .string()
      .transform((value) =>
        [...value.replace(lineBreaksAndTabs, ' ').replace(controlCharacters, '').trim()]
          .slice(0, maximum)
          .join(''),
      ),
  );

/** Any other name TikTok shows (Business Center, ad account, file…): at most 200 characters. */
export const optionalName = nameOfAtMost(maximumNameLength);

/**
 * The name of a campaign, ad group or ad: at most 512 characters, as TikTok allows and Whathead's
 * rename takes, so a long name is shown whole.
 */
export const optionalEntityName = nameOfAtMost(maximumEntityNameLength);

/** A number TikTok may send as a JSON number or as numeric text. */
export const optionalNumber = optional(
  z.union([
    z.number(),
    z
      .string()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
  ]),
);

export const optionalBoolean = optional(z.boolean());

/** An enum TikTok may extend at any time: known values are typed, unknown ones are kept. */
export type OpenEnum<Known extends string> = Known | (string & {});

export const openEnum = <Known extends string>() =>
  optional(z.string() as unknown as z.ZodType<OpenEnum<Known>>);

/** Reference §2: `page_info` beside `list`. */
export const pageInfoSchema = z
  .object({
    page: z.number().int(),
    page_size: z.number().int(),
    total_number: z.number().int(),
    total_page: z.number().int(),
  })
  .transform((info) => ({
    page: info.page,
    pageSize: info.page_size,
    totalNumber: info.total_number,
    totalPage: info.total_page,
  }));

export type PageInfo = z.output<typeof pageInfoSchema>;

export interface Page<Item> {
  items: Item[];
  pageInfo: PageInfo;
}

/** `{list, page_info}` with each row parsed by `item`; a missing list is an empty page. */
export const pageSchema = <Item extends z.ZodType>(item: Item) =>
  z
    .object({ list: z.array(item).nullish(), page_info: pageInfoSchema })
    .transform((data): Page<z.output<Item>> => ({ items: data.list ?? [], pageInfo: data.page_info }));

/**
 * An item as `item` reads it, plus `raw`: TikTok's object exactly as sent (large ids already exact
 * strings, lossless-json.ts), for a mirror that must lose nothing TikTok said.
 */
export const withRaw = <Item extends z.ZodType>(item: Item) =>
  // `unknown`, not a record: a record schema would copy each object once more before `item` reads
  // it, and a page holds a thousand of them.
  z.unknown().transform((input, context) => {
    const parsed = item.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue(issue as never);
      return z.NEVER;
    }
    // `parsed.data` is the schema's own new object: `raw` is added to it rather than to a copy.
    return Object.assign(parsed.data as z.output<Item> & object, { raw: input as Record<string, unknown> });
  });

/** `{list}` without paging (info endpoints). */
export const listSchema = <Item extends z.ZodType>(item: Item) =>
  z.object({ list: z.array(item).nullish() }).transform((data): z.output<Item>[] => data.list ?? []);
