import { generateKeyPairSync } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A ProConnect agent as the test provider knows it (userinfo claims). */
export interface ProviderAccount {
  sub: string;
  password: string;
  email: string;
  given_name: string;
  usual_name: string;
  siret: string;
  uid: string;
}

export interface ProviderClient {
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers Essaim's URLs, when they were not known at start (browser journeys pick their port late). */
  registerClient(client: ProviderClient): void;
  addAccount(account: ProviderAccount): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function page(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><body>${body}</body></html>`);
}

/**
 * A real OpenID Connect provider (oidc-provider) that behaves like ProConnect where Essaim relies
 * on it: scopes `openid email given_name usual_name siret uid`, userinfo answered as a JWT signed
 * RS256 (`application/jwt`), PKCE required, RP-initiated logout (end_session_endpoint). Login and
 * consent are plain HTML forms, so tests drive them with HTTP requests like a browser would.
 */
export async function startOidcProvider(client?: ProviderClient): Promise<TestOidcProvider> {
  const { default: Provider } = await import('oidc-provider');
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'essaim-test';
  const clientSecret = 'essaim-test-secret-essaim-test-secret';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', alg: 'RS256', use: 'sig' };

  let handleProvider = (_req: IncomingMessage, res: ServerResponse): void => page(res, '<p>Client not registered yet</p>', 503);
  let provider: InstanceType<typeof Provider>;
  const server: Server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    if (!match) return handleProvider(req, res);
    interaction(req, res, match[2]).catch((error: Error) => page(res, `<p>${escapeHtml(error.message)}</p>`, 500));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const registerClient = (client: ProviderClient) => {
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [client.redirectUri],
          post_logout_redirect_uris: [client.postLogoutRedirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
          id_token_signed_response_alg: 'RS256',
          userinfo_signed_response_alg: 'RS256',
        },
      ],
      jwks: { keys: [jwk] },
      // ProConnect: one scope per claim.
      claims: { openid: ['sub'], email: ['email'], given_name: ['given_name'], usual_name: ['usual_name'], siret: ['siret'], uid: ['uid'] },
      pkce: { required: () => true },
      features: {
        devInteractions: { enabled: false },
        userinfo: { enabled: true },
        jwtUserinfo: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          logoutSource: async (ctx: { body: string }, form: string) => {
            ctx.body = `<!doctype html><html><body>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button></body></html>`;
          },
          postLogoutSuccessSource: async (ctx: { body: string }) => {
            ctx.body = '<!doctype html><html><body>Déconnecté</body></html>';
          },
        },
      },
      cookies: { keys: ['test-provider-cookie-key'] },
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 60, IdToken: 3600, AuthorizationCode: 30 },
      findAccount: async (_ctx: unknown, id: string) => {
        const account = accounts.get(id);
        if (!account) return undefined;
        const { password: _password, ...claims } = account;
        return { accountId: id, claims: async () => claims };
      },
      renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
        ctx.type = 'html';
        ctx.body = `<!doctype html><html><body><pre>${escapeHtml(JSON.stringify(out))}</pre></body></html>`;
      },
    });
    const callback = provider.callback();
    handleProvider = (req, res) => void callback(req, res);
  };
  if (client) registerClient(client);

  async function interaction(req: IncomingMessage, res: ServerResponse, step: string | undefined): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    const { uid, prompt, params, session } = details;
    if (req.method === 'GET') {
      if (prompt.name === 'login') {
        return page(
          res,
          `<form method="post" action="/interaction/${uid}/login"><label>E-mail <input name="login"></label>` +
            `<label>Mot de passe <input type="password" name="password"></label><button>Se connecter</button></form>`,
        );
      }
      return page(res, `<form method="post" action="/interaction/${uid}/consent"><button>Autoriser</button></form>`);
    }
    const form = await readForm(req);
    if (step === 'login') {
      const account = [...accounts.values()].find((a) => a.email === form.get('login') && a.password === form.get('password'));
      if (!account) return page(res, '<p>Identifiants incorrects</p>', 401);
      return provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: session?.accountId as string, clientId: params.client_id as string });
    if (!grant) throw new Error('grant not found');
    const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    registerClient,
    addAccount: (account) => accounts.set(account.sub, account),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
