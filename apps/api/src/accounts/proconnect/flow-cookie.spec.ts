import { FLOW_TTL_MS, FlowSealer } from './flow-cookie';

const flow = { state: 's'.repeat(43), nonce: 'n'.repeat(43), codeVerifier: 'v'.repeat(43), returnTo: '/forum' };

describe('FlowSealer', () => {
  const sealer = new FlowSealer('client-secret');

  it('round-trips a flow until it expires', () => {
    const sealed = sealer.seal(flow, 1_000);
    expect(sealer.open(sealed, 1_000)).toEqual(flow);
    expect(sealer.open(sealed, 1_000 + FLOW_TTL_MS + 1)).toBeNull();
  });

  it('refuses a tampered cookie or one sealed with another secret', () => {
    const sealed = sealer.seal(flow);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(sealer.open(raw.toString('base64url'))).toBeNull();
    expect(new FlowSealer('another-secret').open(sealed)).toBeNull();
    expect(sealer.open('garbage')).toBeNull();
    expect(sealer.open(undefined)).toBeNull();
  });

  it('checks logout states it issued', () => {
    const state = sealer.logoutState();
    expect(sealer.isLogoutState(state)).toBe(true);
    expect(new FlowSealer('another-secret').isLogoutState(state)).toBe(false);
    expect(sealer.isLogoutState(`${state}x`)).toBe(false);
    expect(sealer.isLogoutState('abc')).toBe(false);
  });
});
