import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import ProfitChart from '../src/components/ProfitChart.vue';

describe('ProfitChart', () => {
  it('draws both lines through every point, highest value at the top', () => {
    const wrapper = mount(ProfitChart, {
      props: {
        currency: 'USDT',
        points: [
          { at: '2026-12-04T10:00:00Z', profitClosed: 0, profitAll: 1 },
          { at: '2026-12-04T11:00:00Z', profitClosed: 2, profitAll: 4 },
          { at: '2026-12-04T12:00:00Z', profitClosed: 3, profitAll: -1 },
        ],
      },
    });

    const all = wrapper.get('polyline.all').attributes('points')!.split(' ');
    const closed = wrapper.get('polyline.closed').attributes('points')!.split(' ');
    expect(all).toHaveLength(3);
    expect(closed).toHaveLength(3);
    const ys = all.map((p) => Number(p.split(',')[1]));
    expect(ys[1]).toBeLessThan(ys[0]);
    expect(ys[2]).toBeGreaterThan(ys[0]);
    expect(wrapper.get('svg').attributes('aria-label')).toContain('USDT');
  });

  it('says so instead of drawing one point', () => {
    const wrapper = mount(ProfitChart, { props: { points: [{ at: '2026-12-04T10:00:00Z', profitAll: 1 }] } });

    expect(wrapper.find('svg').exists()).toBe(false);
    expect(wrapper.text()).toContain('Not enough history');
  });
});
