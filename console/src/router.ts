import { createRouter, createWebHashHistory } from 'vue-router';
import { session } from './api/session';
import LoginView from './views/LoginView.vue';
import PasswordView from './views/PasswordView.vue';
import FleetView from './views/FleetView.vue';
import BotView from './views/BotView.vue';
import CommandsView from './views/CommandsView.vue';
import CommandView from './views/CommandView.vue';
import PortfolioView from './views/PortfolioView.vue';
import UsersView from './views/UsersView.vue';
import AuditView from './views/AuditView.vue';
import StrategiesView from './views/StrategiesView.vue';
import RiskView from './views/RiskView.vue';
import DeliveriesView from './views/DeliveriesView.vue';
import { can } from './api/session';

// Routes live in the URL's fragment: the server serves one page at / and nothing else.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/fleet' },
    { path: '/login', component: LoginView, meta: { public: true, title: 'Sign in' } },
    { path: '/password', component: PasswordView, meta: { title: 'Change password' } },
    { path: '/fleet', component: FleetView, meta: { title: 'Fleet' } },
    { path: '/bots/:bot', component: BotView, props: true, meta: { title: 'Bot' } },
    { path: '/commands', component: CommandsView, meta: { title: 'Commands' } },
    { path: '/commands/:id', component: CommandView, props: true, meta: { title: 'Command' } },
    { path: '/portfolio', component: PortfolioView, meta: { title: 'Portfolio' } },
    { path: '/strategies', component: StrategiesView, meta: { title: 'Strategies' } },
    { path: '/risk', component: RiskView, meta: { title: 'Risk policies' } },
    { path: '/notifications', component: DeliveriesView, meta: { title: 'Notifications', operator: true } },
    { path: '/users', component: UsersView, meta: { title: 'Users', admin: true } },
    { path: '/audit', component: AuditView, meta: { title: 'Audit log', admin: true } },
    { path: '/:rest(.*)', redirect: '/fleet' },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !session.user) {
    return { path: '/login', query: to.fullPath === '/fleet' ? {} : { next: to.fullPath } };
  }
  if (session.user && session.mustChangePassword && to.path !== '/password') {
    return '/password';
  }
  if (to.meta.admin && !can('admin')) {
    return '/fleet';
  }
  if (to.meta.operator && !can('operator')) {
    return '/fleet';
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? 'Console')} · Multibot`;
});
