import { Outlet, ScrollRestoration } from 'react-router';
import { PageLoadingStatus } from './page-loading-status';

export function RootRoute() {
  return (
    <>
      <Outlet />
      <PageLoadingStatus />
      <ScrollRestoration />
    </>
  );
}
