/** Reference §2: the one shape of every API answer, success or failure, always HTTP 200. */
export interface Envelope {
  code: number;
  message: string;
  request_id: string;
  data: unknown;
}

export const successEnvelope = (requestId: string, data: unknown): Envelope => ({
  code: 0,
  message: 'OK',
  request_id: requestId,
  data: data ?? {},
});

export const failureEnvelope = (
  requestId: string,
  code: number,
  message: string,
  data: unknown = {},
): Envelope => ({
  code,
  message,
  request_id: requestId,
  data,
});

/** Reference §2: `page_info` beside `list`; a page past the end is empty, not an error. */
export function paginate<Item>(items: Item[], page: number, pageSize: number) {
  return {
    list: items.slice((page - 1) * pageSize, page * pageSize),
    page_info: {
      page,
      page_size: pageSize,
      total_number: items.length,
      total_page: Math.ceil(items.length / pageSize),
    },
  };
}
