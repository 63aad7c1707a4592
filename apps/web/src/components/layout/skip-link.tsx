/** Lets keyboard users jump past the header and navigation to the page's main content. */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  return (
    <a
      href={`#${targetId}`}
      className="skip-link"
      onClick={(event) => {
        // Move focus without a hash change, which the router would treat as a navigation.
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
