// Makes a verified test user in the realm and logs in as it, as the Java tests' KeycloakTestRealm does.
import { randomBytes } from 'node:crypto';

const keycloak = process.env.AGORA_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const adminPassword = process.env.AGORA_KC_ADMIN_PASSWORD ?? 'admin';

async function form(url, fields) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

export async function verifiedUser(prefix) {
  const admin = await form(`${keycloak}/realms/master/protocol/openid-connect/token`, {
    grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: adminPassword,
  });
  const username = `${prefix}_${randomBytes(5).toString('hex')}`;
  const password = `Pw-${randomBytes(12).toString('hex')}`;
  const created = await fetch(`${keycloak}/admin/realms/agora/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username, email: `${username}@example.test`, emailVerified: true, enabled: true,
      firstName: 'Test', lastName: prefix,
      credentials: [{ type: 'password', value: password, temporary: false }],
    }),
  });
  if (created.status !== 201) throw new Error(`create ${username}: ${created.status}`);
  const id = created.headers.get('location').split('/').pop();
  const token = await form(`${keycloak}/realms/agora/protocol/openid-connect/token`, {
    grant_type: 'password', client_id: 'agora-app', scope: 'openid', username, password,
  });
  return { id, username, password, accessToken: token.access_token };
}
