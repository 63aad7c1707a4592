/** Sets the browser tab's title; React 19 hoists the element into the document head. */
export function DocumentTitle({ title }: { title: string }) {
  return <title>{`${title} · Whathead`}</title>;
}
