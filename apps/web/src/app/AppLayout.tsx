import { useMutation } from '@apollo/client/react';
import { Avatar, Button } from '@rapport/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SignOutDocument } from '~/features/auth/graphql/auth.graphql';
import {
  AuditsIcon,
  CheckInsIcon,
  CloseIcon,
  CustomersIcon,
  FeedbackIcon,
  FrictionIcon,
  HomeIcon,
  Logo,
  MenuIcon,
  SettingsIcon,
  SignOutIcon,
  TouchpointsIcon,
} from './icons';
import { ROLE_LABELS } from './labels';
import { reloadAtSignIn } from './reload-at-sign-in';
import { useMember } from './session';

const NAV_ITEMS = [
  { to: '/', label: 'Dashboard', icon: <HomeIcon />, end: true },
  { to: '/customers', label: 'Customers', icon: <CustomersIcon />, end: false },
  { to: '/check-ins', label: 'My check-ins', icon: <CheckInsIcon />, end: false },
  { to: '/touchpoints', label: 'Touchpoints', icon: <TouchpointsIcon />, end: false },
  { to: '/audits', label: 'Audits', icon: <AuditsIcon />, end: false },
  { to: '/friction', label: 'Friction', icon: <FrictionIcon />, end: false },
  { to: '/feedback', label: 'Feedback', icon: <FeedbackIcon />, end: false },
  { to: '/settings', label: 'Settings', icon: <SettingsIcon />, end: false },
];

/** The signed-in shell: navigation (a sidebar, or a menu on phones), workspace, member, sign out. */
export function AppLayout() {
  const member = useMember();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [signOut, { loading: signingOut }] = useMutation(SignOutDocument);

  // After each navigation: close the phone menu and move focus to the new page's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only
  useEffect(() => {
    setMenuOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A page that focused a field of its own (an autoFocus form) keeps it.
    if (mainRef.current?.contains(document.activeElement)) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: false });
  }, [location.pathname]);

  // Escape closes the phone menu.
  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  const onSignOut = async () => {
    try {
      await signOut();
    } finally {
      reloadAtSignIn();
    }
  };

  return (
    <div className="app-shell" data-menu-open={menuOpen || undefined}>
      <a className="app-skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-sidebar">
        <div className="app-sidebar__top">
          <NavLink to="/" className="app-brand" aria-label={`Rapport: ${member.workspace.name} dashboard`}>
            <Logo />
          </NavLink>
          <button
            type="button"
            className="app-menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon /> : <MenuIcon />}
            <span className="rp-visually-hidden">{menuOpen ? 'Close menu' : 'Open menu'}</span>
          </button>
        </div>
        <div className="app-sidebar__panel" id={navId}>
          <div className="app-workspace">
            <span className="app-workspace__label">Workspace</span>
            <span className="app-workspace__name" data-testid="workspace-name">
              {member.workspace.name}
            </span>
          </div>
          <nav aria-label="Main">
            <ul className="app-nav">
              {NAV_ITEMS.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="app-nav__link">
                    {item.icon}
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-member">
            <Avatar name={member.name} />
            <div className="app-member__text">
              <span className="app-member__name">{member.name}</span>
              <span className="app-member__role">{ROLE_LABELS[member.role]}</span>
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void onSignOut()}
              loading={signingOut}
              className="app-member__signout"
            >
              {!signingOut && <SignOutIcon />}
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main id="main" className="app-main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
