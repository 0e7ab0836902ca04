// An existing Mastodon app registers with Agora, logs a user in (authorization code through the
// gateway and Keycloak's login page), uses the token, and loses it when it is revoked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import generator from 'megalodon';
import { verifiedUser } from './keycloak.mjs';
import { authorizationCode } from './oauth.mjs';
import { eventually } from './eventually.mjs';

const gateway = process.env.AGORA_GATEWAY_URL ?? 'http://localhost:8080';
const redirect = 'http://localhost/agora-e2e/callback';


test('a Mastodon app registers, logs in with a code, posts, and its token ends on revocation', async () => {
  const anonymous = generator('mastodon', gateway);
  const app = await anonymous.registerApp('Agora e2e app', {
    scopes: ['read', 'write', 'follow'],
    redirect_uris: redirect,
    website: 'https://client.example',
  });
  assert.match(app.client_id, /^app-/);
  assert.ok(app.client_secret);
  assert.ok(app.url.startsWith(`${gateway}/oauth/authorize?`));

  const user = await verifiedUser('mastoapp');
  const code = await authorizationCode(app.url, user.username, user.password);
  const token = await anonymous.fetchAccessToken(app.client_id, app.client_secret, code, redirect);
  assert.ok(token.access_token);

  const client = generator('mastodon', gateway, token.access_token);
  const verified = await client.verifyAppCredentials();
  assert.equal(verified.data.name, 'Agora e2e app');

  const text = `Posted from a registered app ${Date.now()}`;
  const posted = await client.postStatus(text, { visibility: 'public' });
  assert.equal(posted.data.content, `<p>${text}</p>`);

  await anonymous.revokeToken(app.client_id, app.client_secret, token.access_token);
  await eventually(async () => {
    await assert.rejects(client.verifyAppCredentials(), (error) => {
      assert.equal(error.response.status, 401);
      return true;
    });
  }, 10000);
});
