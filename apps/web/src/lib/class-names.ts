/** Joins the truthy class names, e.g. `classNames('button', isActive && 'button--active')`. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
