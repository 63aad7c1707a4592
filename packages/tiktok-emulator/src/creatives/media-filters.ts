/**
 * The size filters image and video search share (§5): exact width and height, and aspect ratios
 * matched within 0.05, as a 9:16 upload is rarely exactly 0.5625.
 */
export const matchesDimensions = (
  media: { width: number; height: number },
  filtering: { width?: number | undefined; height?: number | undefined; ratio?: number[] | undefined },
): boolean =>
  (filtering.width === undefined || media.width === filtering.width) &&
  (filtering.height === undefined || media.height === filtering.height) &&
  (!filtering.ratio || filtering.ratio.some((ratio) => Math.abs(media.width / media.height - ratio) <= 0.05));
