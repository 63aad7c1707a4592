// Reference §0 and correction 12: a path TikTok does not serve (including one without its
// trailing slash) gets HTTP 404 and a wrong method a bare HTTP 405 page, both HTML from the
// gateway, never the JSON envelope; a gateway fault is a 5xx page.

const page = (status: string): string =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n</body>\r\n</html>\r\n`;

export const gatewayPages: Record<number, string> = {
  404: page('404 Not Found'),
  405: page('405 Not Allowed'),
  500: page('500 Internal Server Error'),
  502: page('502 Bad Gateway'),
  503: page('503 Service Temporarily Unavailable'),
};
