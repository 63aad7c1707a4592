import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import {
  CampaignsIcon,
  CloseIcon,
  IntegrationsIcon,
  MediaIcon,
  MenuIcon,
  ReportsIcon,
  SettingsIcon,
} from '../../components/ui/icons';
import { classNames } from '../../lib/class-names';
import { useMediaQuery } from '../../lib/use-media-query';

const items: Array<{ label: string; path: string; icon: ReactNode }> = [
  { label: 'Campaigns', path: '/campaigns', icon: <CampaignsIcon /> },
  { label: 'Media', path: '/media', icon: <MediaIcon /> },
  { label: 'Reports', path: '/reports', icon: <ReportsIcon /> },
  { label: 'Integrations', path: '/integrations', icon: <IntegrationsIcon /> },
  { label: 'Settings', path: '/settings', icon: <SettingsIcon /> },
];

/** Where the sidebar gives way to a menu; the same width as the narrow layout of styles/shell.css. */
const narrowNavigationQuery = '(max-width: 56rem)';

/**
 * The app's links: a sidebar on wide screens; on narrow ones, where a row of them would be cut
 * off, a Menu button that shows them all. The current page's link carries aria-current="page".
 */
export function MainNavigation() {
  const isNarrow = useMediaQuery(narrowNavigationQuery);
  const [isOpen, setIsOpen] = useState(false);
  const listId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const showsList = !isNarrow || isOpen;

  // Escape leaves the menu, and focus goes back where it came from, as in any disclosure.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isNarrow || !isOpen) return;
    setIsOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <nav
      aria-label="Main"
      className={classNames('main-navigation', isNarrow && 'main-navigation--menu')}
      onKeyDown={closeOnEscape}
    >
      {isNarrow && (
        <button
          ref={toggleRef}
          type="button"
          className="button button--secondary button--small main-navigation__toggle"
          aria-expanded={isOpen}
          aria-controls={listId}
          onClick={() => setIsOpen((open) => !open)}
        >
          {isOpen ? <CloseIcon size={18} /> : <MenuIcon size={18} />}
          Menu
        </button>
      )}
      <ul id={listId} className="main-navigation__list" hidden={!showsList}>
        {items.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} className="main-navigation__link" onClick={() => setIsOpen(false)}>
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
