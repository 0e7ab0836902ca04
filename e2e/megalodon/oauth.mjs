// Logs a user in to a Mastodon app the way a browser would: the app's authorize URL, Keycloak's
// login form, and the redirect back with the code. Only the gateway's public paths are used.
function cookiesOf(response, jar) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name, ...value] = pair.split('=');
    jar.set(name.trim(), value.join('='));
  }
}

const cookieHeader = (jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

export async function authorizationCode(authorizeUrl, username, password) {
  const jar = new Map();
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  cookiesOf(page, jar);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize: ${page.status} ${html.slice(0, 300)}`);
  const action = html.match(/<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/)?.[1];
  if (!action) throw new Error(`no login form in ${html.slice(0, 300)}`);
  const login = await fetch(action.replaceAll('&amp;', '&'), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  });
  const location = login.headers.get('location');
  if (login.status !== 302 || !location) {
    throw new Error(`login: ${login.status} ${(await login.text()).slice(0, 300)}`);
  }
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return code;
}
