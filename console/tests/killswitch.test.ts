import { describe, expect, it, vi } from 'vitest';
import { mount, flushPromises } from '@vue/test-utils';
import KillSwitch from '../src/components/KillSwitch.vue';
import { api } from '../src/api/client';

describe('KillSwitch', () => {
  it('stays disarmed until the phrase is typed, then stops every bot with the chosen exit', async () => {
    const post = vi.spyOn(api, 'post').mockResolvedValue({ id: 'batch-1' });
    vi.spyOn(api, 'get').mockResolvedValue({ id: 'batch-1', total: 0, finished: true, byStatus: {}, commands: [] });
    const wrapper = mount(KillSwitch, { global: { stubs: { RouterLink: true } } });

    await wrapper.get('button.kill').trigger('click');
    const submit = wrapper.get('button[type=submit]');
    expect(submit.attributes('disabled')).toBeDefined();

    await wrapper.get('#kill-phrase').setValue('stop all bots');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(post).not.toHaveBeenCalled();

    await wrapper.get('input[name=exitPositions]').setValue(true);
    await wrapper.get('#kill-phrase').setValue('STOP ALL BOTS');
    expect(wrapper.get('button[type=submit]').attributes('disabled')).toBeUndefined();
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(post).toHaveBeenCalledWith('/emergency/stop-all?exitPositions=true');
    expect(wrapper.text()).toContain('finished');
  });
});
