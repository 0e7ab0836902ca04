// Agora through megalodon, a Mastodon client library used by real apps, unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import generator from 'megalodon';
import { verifiedUser } from './keycloak.mjs';
import { eventually } from './eventually.mjs';

const gateway = process.env.AGORA_GATEWAY_URL ?? 'http://localhost:8080';


test('the instance describes its limits', async () => {
  const client = generator('mastodon', gateway);
  const instance = await client.getInstance();
  assert.equal(instance.data.title, 'Agora');
  assert.equal(instance.data.configuration.statuses.max_characters, 500);
});

test('a status posted with the client shows on the author\'s timeline', async () => {
  const user = await verifiedUser('megalodon');
  const client = generator('mastodon', gateway, user.accessToken);
  const text = `Hello from megalodon ${Date.now()}`;

  const posted = await client.postStatus(text, { visibility: 'public', language: 'en' });
  assert.equal(posted.status, 200);
  assert.equal(posted.data.content, `<p>${text}</p>`);

  const statuses = await eventually(async () => {
    const page = await client.getAccountStatuses(user.id, { limit: 5 });
    assert.equal(page.data.length, 1);
    return page.data;
  });
  assert.equal(statuses[0].id, posted.data.id);
  assert.equal(statuses[0].content, `<p>${text}</p>`);
});

test('the client sees Mastodon errors for refused input', async () => {
  const user = await verifiedUser('megalodon_bad');
  const client = generator('mastodon', gateway, user.accessToken);
  await assert.rejects(client.postStatus('x'.repeat(501)), (error) => {
    assert.equal(error.response.status, 422);
    assert.equal(error.response.data.error, 'status: 501 characters, at most 500');
    return true;
  });
});
