import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useCurrentUser } from '../auth/session';
import { AccountBar } from './AccountBar';
import { navItemsFor } from './navigation';

/** Top bar (brand, navigation, account) around the page; pages render in <Outlet/> or as children. */
export function AppShell({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" aria-label={t('app.fullName')}>
            <span className="brand-mark">建言</span>
            <span className="brand-latin">Jianyan</span>
          </Link>
          <nav className="nav" aria-label={t('shell.navLabel')}>
            <ul>
              {navItemsFor(user.role).map((item) => (
                <li key={item.path}>
                  <NavLink to={item.path} end={item.end} className="nav-link" data-testid={item.testId}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <AccountBar />
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
