import { createApp } from 'vue';
import App from './App.vue';
import { router } from './router';
import { restore } from './api/session';
import './style.css';

restore().finally(() => {
  createApp(App).use(router).mount('#app');
});
