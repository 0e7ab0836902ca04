// Mastodon's sign-up through megalodon (registerAccount): the new user gets a token at once, can
// read, and may not post until the e-mailed link is followed. One request from this address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import generator from 'megalodon';

const gateway = process.env.AGORA_GATEWAY_URL ?? 'http://localhost:8080';

test('a Mastodon app signs a user up; the new account reads but may not post unverified', async () => {
  const anonymous = generator('mastodon', gateway);
  const username = `megasignup_${Date.now().toString(36)}`;
  const registered = await anonymous.registerAccount(
    username, `${username}@example.test`, 'correct-Horse-battery-9', true, 'en');
  assert.equal(registered.status, 200);
  assert.equal(registered.data.token_type, 'Bearer');
  assert.ok(registered.data.access_token);

  const client = generator('mastodon', gateway, registered.data.access_token);
  const me = await client.verifyAccountCredentials();
  assert.equal(me.data.username, username);

  await assert.rejects(client.postStatus('too early', { visibility: 'public' }), (error) => {
    assert.equal(error.response.status, 403);
    assert.equal(error.response.data.error, 'Your login is missing a confirmed e-mail address');
    return true;
  });
});

test('Mastodon sign-up refusals name the field', async () => {
  const anonymous = generator('mastodon', gateway);
  await assert.rejects(
    anonymous.registerAccount('admin', 'someone@example.test', 'correct-Horse-battery-9', true, 'en'),
    (error) => {
      // The strict per-address zone may answer first when other tests used this address's budget.
      assert.ok([422, 429].includes(error.response.status), `status ${error.response.status}`);
      if (error.response.status === 422) {
        assert.equal(error.response.data.error, 'username: is reserved');
      }
      return true;
    });
});
