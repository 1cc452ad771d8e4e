import { reactive } from 'vue';
import { api, type User } from './client';
import { startLive, stopLive } from './events';

/** The roles in order: each may do what the ones before it may. */
const RANKS = ['viewer', 'operator', 'admin'] as const;
export type Role = (typeof RANKS)[number];

export const session = reactive({
  user: null as User | null,
  /** Set when the signed-in user must change their password before anything else. */
  mustChangePassword: false,
  restored: false,
});

/** Whether the signed-in user's role includes this one (actions a role may not take are hidden). */
export function can(role: Role): boolean {
  const mine = RANKS.indexOf((session.user?.role ?? '') as Role);
  return mine >= 0 && mine >= RANKS.indexOf(role);
}

export async function signIn(username: string, password: string): Promise<void> {
  const tokens = await api.login(username, password);
  session.mustChangePassword = Boolean(tokens.password_change_required);
  session.user = await api.get<User>('/auth/me');
  if (!session.mustChangePassword) startLive();
}

/** After a reload: the refresh cookie, if there is one, brings the session back. */
export async function restore(): Promise<void> {
  try {
    const tokens = await api.refresh();
    session.mustChangePassword = Boolean(tokens.password_change_required);
    session.user = await api.get<User>('/auth/me');
    if (!session.mustChangePassword) startLive();
  } catch {
    session.user = null;
  } finally {
    session.restored = true;
  }
}

export async function signOut(): Promise<void> {
  stopLive();
  try {
    await api.logout();
  } finally {
    session.user = null;
    session.mustChangePassword = false;
  }
}

api.onSignedOut = () => {
  stopLive();
  session.user = null;
};
