import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import {
  CampaignsIcon,
  IntegrationsIcon,
  MediaIcon,
  ReportsIcon,
  SettingsIcon,
} from '../../components/ui/icons';

const items: Array<{ label: string; path: string; icon: ReactNode }> = [
  { label: 'Campaigns', path: '/campaigns', icon: <CampaignsIcon /> },
  { label: 'Media', path: '/media', icon: <MediaIcon /> },
  { label: 'Reports', path: '/reports', icon: <ReportsIcon /> },
  { label: 'Integrations', path: '/integrations', icon: <IntegrationsIcon /> },
  { label: 'Settings', path: '/settings', icon: <SettingsIcon /> },
];

/** The sidebar's links; the current page's link carries aria-current="page". */
export function MainNavigation() {
  return (
    <nav aria-label="Main" className="main-navigation">
      <ul className="main-navigation__list">
        {items.map((item) => (
          <li key={item.path}>
            <NavLink to={item.path} className="main-navigation__link">
              {item.icon}
              <span>{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
