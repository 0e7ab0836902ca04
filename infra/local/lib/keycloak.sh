# shellcheck shell=bash
# Keycloak in dev mode (H2 data in the state dir) on 127.0.0.1:8180, realm imported from
# infra/local/keycloak/agora-realm.json on first start.
#
# Issuer: every token says iss=http://localhost:8080/auth/realms/agora (the gateway's URL), whether
# it was fetched through the gateway or directly on 8180; back-channel URLs (token, JWKS, ...) follow
# the request, so services talk to 127.0.0.1:8180 directly. The admin console is on 8180 only.
# --proxy-headers xforwarded: behind the gateway Keycloak sees the client's address (events,
# logs); the gateway sends Host/X-Forwarded-Host = the public host so URLs stay under /auth.

KC_VERSION=26.7.3
KC_PORT=8180
KC_URL=http://127.0.0.1:$KC_PORT
KC_PUBLIC_URL=http://localhost:8080/auth
KC_REALM=agora
# How long a login's factors count in its tokens' amr (staff endpoints need "otp" there): 8 h.
KC_AMR_MAX_AGE=${AGORA_KC_AMR_MAX_AGE:-28800}
KC_ZIP_NAME=keycloak-quarkus-dist-$KC_VERSION.zip
KC_HOME=$AGORA_STATE/keycloak/keycloak-$KC_VERSION
KC_MARKER=keycloak-$KC_VERSION
KC_LOG=$LOG_DIR/keycloak.log
KC_ADMIN_USER="admin"
KC_ADMIN_PASSWORD=${AGORA_KC_ADMIN_PASSWORD:-admin} # local only
# The identity-service's service-account client (admin API); the same local-only secret is the
# dev/test default in identity-service's application.properties.
KC_IDENTITY_CLIENT=agora-identity
KC_IDENTITY_CLIENT_SECRET=${AGORA_KEYCLOAK_ADMIN_CLIENT_SECRET:-local-only-agora-identity-secret}
KC_DENYLIST=agora-password-denylist.txt

kc_pid() { part_pid keycloak "$KC_MARKER"; }

kc_install() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  fetch_artifact "org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" "$KC_ZIP_NAME"
  say "unpacking Keycloak $KC_VERSION into $KC_HOME"
  local tmp
  mkdir -p "$(dirname "$KC_HOME")"
  tmp=$(mktemp -d "$(dirname "$KC_HOME")/.unzip.XXXXXX")
  unzip -q "$AGORA_CACHE/$KC_ZIP_NAME" -d "$tmp" || { rm -rf "$tmp"; die "could not unzip $AGORA_CACHE/$KC_ZIP_NAME"; }
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "$tmp"
}

kc_realm_ready() { http_ok "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; }

kc_start() {
  if kc_pid >/dev/null; then
    say "keycloak is already running (pid $(kc_pid))"
  else
    ensure_port_free "$KC_PORT" keycloak
    kc_install
    # Import runs on every start but skips a realm that already exists (the H2 data wins).
    mkdir -p "$KC_HOME/data/import" "$KC_HOME/data/password-blacklists"
    cp "$AGORA_INFRA/keycloak/agora-realm.json" "$KC_HOME/data/import/agora-realm.json"
    cp "$AGORA_INFRA/keycloak/password-denylist.txt" "$KC_HOME/data/password-blacklists/$KC_DENYLIST"
    say "starting keycloak $KC_VERSION on $KC_URL (issuer $KC_PUBLIC_URL/realms/$KC_REALM)"
    start_bg keycloak "$KC_LOG" env \
      KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
      "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --http-host 127.0.0.1 --import-realm \
      --hostname "$KC_PUBLIC_URL" --hostname-backchannel-dynamic true --hostname-admin "$KC_URL" \
      --proxy-headers xforwarded
  fi
  wait_until "keycloak (realm $KC_REALM)" 180 keycloak "$KC_MARKER" "$KC_LOG" kc_realm_ready
  kc_configure_identity
  kc_configure_staff_second_factor
  kc_configure_second_factor
}

# Sign-up, recovery and audit settings of the identity-service (issue #3), applied to a realm
# that was imported before they existed; idempotent, and the same as in agora-realm.json.
kc_configure_identity() {
  local token realm profile client_id sa_id rm_id roles
  token=$(kc_admin_token) || die "could not get a master-realm admin token from $KC_URL"
  # The deny-list must be in place before the policy naming it is set.
  mkdir -p "$KC_HOME/data/password-blacklists"
  cp "$AGORA_INFRA/keycloak/password-denylist.txt" "$KC_HOME/data/password-blacklists/$KC_DENYLIST"
  # One door: Keycloak's own registration page is off, sign-up goes through identity-service.
  realm=$(jq '{registrationAllowed, verifyEmail, resetPasswordAllowed, passwordPolicy, eventsEnabled,
               eventsExpiration, enabledEventTypes, adminEventsEnabled, adminEventsDetailsEnabled,
               bruteForceProtected, permanentLockout, failureFactor}' "$AGORA_INFRA/keycloak/agora-realm.json")
  kc_api "$token" PUT "" -H 'Content-Type: application/json' --data-binary "$realm" >/dev/null ||
    die "could not apply the sign-up, password and event settings to realm $KC_REALM"
  # Changing a password (kc_action=UPDATE_PASSWORD) always asks for the current one again.
  kc_api "$token" PUT /authentication/required-actions/UPDATE_PASSWORD/config -H 'Content-Type: application/json' \
    --data-binary '{"config": {"max_auth_age": "0"}}' >/dev/null ||
    die "could not make UPDATE_PASSWORD re-authenticate every time"
  # User profile: names optional (a display name lives in Agora), agora_state seen by admins only.
  profile=$(kc_api "$token" GET /users/profile) || die "could not read the user profile of realm $KC_REALM"
  profile=$(jq '.attributes |= (map(if .name == "firstName" or .name == "lastName" then del(.required) else . end)
      | if any(.[]; .name == "agora_state") then . else . + [{name: "agora_state", displayName: "Agora account state",
          multivalued: false, permissions: {view: ["admin"], edit: ["admin"]}, validations: {}}] end)' <<<"$profile")
  kc_api "$token" PUT /users/profile -H 'Content-Type: application/json' --data-binary "$profile" >/dev/null ||
    die "could not update the user profile of realm $KC_REALM"
  # The service-account client identity-service uses for the admin API.
  client_id=$(kc_api "$token" GET "/clients?clientId=$KC_IDENTITY_CLIENT" | jq -r '.[0].id // empty')
  if [[ -z $client_id ]]; then
    jq '.clients[] | select(.clientId == "'"$KC_IDENTITY_CLIENT"'")' "$AGORA_INFRA/keycloak/agora-realm.json" |
      kc_api "$token" POST /clients -H 'Content-Type: application/json' --data-binary @- >/dev/null ||
      die "could not create client $KC_IDENTITY_CLIENT"
    client_id=$(kc_api "$token" GET "/clients?clientId=$KC_IDENTITY_CLIENT" | jq -r '.[0].id // empty')
  fi
  kc_api "$token" GET "/clients/$client_id" | jq --arg s "$KC_IDENTITY_CLIENT_SECRET" '.secret = $s' |
    kc_api "$token" PUT "/clients/$client_id" -H 'Content-Type: application/json' --data-binary @- >/dev/null ||
    die "could not set the secret of client $KC_IDENTITY_CLIENT"
  sa_id=$(kc_api "$token" GET "/clients/$client_id/service-account-user" | jq -r .id)
  rm_id=$(kc_api "$token" GET "/clients?clientId=realm-management" | jq -r '.[0].id')
  roles=$(kc_api "$token" GET "/clients/$rm_id/roles" |
    jq '[.[] | select(.name | IN("manage-users", "view-users", "query-users", "view-events", "manage-clients", "view-clients", "view-realm"))]')
  kc_api "$token" POST "/users/$sa_id/role-mappings/clients/$rm_id" -H 'Content-Type: application/json' \
    --data-binary "$roles" >/dev/null || die "could not grant realm-management roles to $KC_IDENTITY_CLIENT"
}

# Tokens say which factors the login used (claim amr: "pwd", "otp"), so services can refuse a
# staff token obtained without the second factor. The realm import cannot attach authenticator
# config to the built-in flows, so this runs after every start; it is idempotent.
kc_configure_second_factor() {
  local token flow executions exec_id provider ref config_id scope_id
  # NOTE: Keycloak lists a step's reference in amr only while auth time + max age >= now, also in
  # tokens issued later from the same login (the code exchange, refreshes). 0 made a browser login
  # whose code was exchanged a second later lose "otp". A factor counts for one work shift.
  local max_age=$KC_AMR_MAX_AGE
  token=$(kc_admin_token) || die "could not get a master-realm admin token from $KC_URL"
  for flow in "direct%20grant" "browser" "agora%20browser"; do
    executions=$(kc_api "$token" GET "/authentication/flows/$flow/executions") ||
      die "could not read the $flow flow of realm $KC_REALM"
    while IFS=$'\t' read -r exec_id provider config_id; do
      case $provider in
        direct-grant-validate-otp | auth-otp-form) ref=otp ;;
        direct-grant-validate-password | auth-username-password-form) ref=pwd ;;
        *) continue ;;
      esac
      if [[ -z $config_id ]]; then
        jq -n --arg alias "amr-$ref-${flow//%20/-}-$exec_id" --arg ref "$ref" --arg age "$max_age" \
          '{alias: $alias, config: {"default.reference.value": $ref, "default.reference.maxAge": $age}}' |
          kc_api "$token" POST "/authentication/executions/$exec_id/config" \
            -H 'Content-Type: application/json' --data-binary @- >/dev/null ||
          die "could not mark the $provider step as amr=$ref"
      else
        # A realm configured before: bring the step's max age up to date.
        kc_api "$token" GET "/authentication/config/$config_id" |
          jq --arg age "$max_age" 'if .config["default.reference.value"] == null then empty
            else .config["default.reference.maxAge"] = $age end' |
          { body=$(cat); [[ -z $body ]] || kc_api "$token" PUT "/authentication/config/$config_id" \
            -H 'Content-Type: application/json' --data-binary "$body" >/dev/null; } ||
          die "could not update the amr marking of the $provider step"
      fi
    done < <(jq -r '.[] | select(.providerId != null) | [.id, .providerId, (.authenticationConfig // "")] | @tsv' <<<"$executions")
  done
  scope_id=$(kc_api "$token" GET /client-scopes | jq -r '.[] | select(.name == "basic") | .id')
  [[ -n $scope_id ]] || die "realm $KC_REALM has no client scope 'basic'"
  if ! kc_api "$token" GET "/client-scopes/$scope_id/protocol-mappers/models" |
    jq -e 'any(.[]; .protocolMapper == "oidc-amr-mapper")' >/dev/null; then
    jq -n '{name: "amr", protocol: "openid-connect", protocolMapper: "oidc-amr-mapper",
            config: {"access.token.claim": "true", "id.token.claim": "true", "introspection.token.claim": "true"}}' |
      kc_api "$token" POST "/client-scopes/$scope_id/protocol-mappers/models" \
        -H 'Content-Type: application/json' --data-binary @- >/dev/null ||
      die "could not add the amr mapper to client scope basic"
  fi
}

# Staff (realm roles moderator and admin, through the composite role staff) must use TOTP in the
# browser login; one who has none is made to set it up (CONFIGURE_TOTP) before getting in. Others
# keep TOTP optional (Keycloak's account console offers it). A built-in flow cannot take new
# steps, so the realm's browser flow becomes a copy, "agora browser". Idempotent. The password
# grant (CLI, tests) is not forced: every staff endpoint refuses a token without amr=otp anyway.
kc_configure_staff_second_factor() {
  local token staff role flow="agora%20browser" sub="Agora%20staff%20second%20factor" executions twofa
  local id parent provider config body
  token=$(kc_admin_token) || die "could not get a master-realm admin token from $KC_URL"
  kc_api "$token" GET /roles/staff >/dev/null 2>&1 ||
    kc_api "$token" POST /roles -H 'Content-Type: application/json' \
      --data-binary '{"name": "staff", "description": "Moderators and admins: the browser login needs a second factor"}' >/dev/null ||
    die "could not create realm role staff"
  staff=$(kc_api "$token" GET /roles/staff)
  for role in moderator admin; do
    kc_api "$token" GET "/roles/$role/composites" | jq -e 'any(.[]; .name == "staff")' >/dev/null ||
      kc_api "$token" POST "/roles/$role/composites" -H 'Content-Type: application/json' --data-binary "[$staff]" >/dev/null ||
      die "could not make $role include staff"
  done
  kc_api "$token" GET /authentication/flows | jq -e 'any(.[]; .alias == "agora browser")' >/dev/null ||
    kc_api "$token" POST /authentication/flows/browser/copy -H 'Content-Type: application/json' \
      --data-binary '{"newName": "agora browser"}' >/dev/null || die "could not copy the browser flow"
  executions=$(kc_api "$token" GET "/authentication/flows/$flow/executions") || die "could not read flow agora browser"
  if ! jq -e 'any(.[]; .displayName == "Agora staff second factor")' <<<"$executions" >/dev/null; then
    kc_api "$token" POST "/authentication/flows/agora%20browser%20forms/executions/flow" -H 'Content-Type: application/json' \
      --data-binary '{"alias": "Agora staff second factor", "type": "basic-flow", "provider": "registration-page-form",
                      "description": "Staff log in with TOTP, or set it up first"}' >/dev/null ||
      die "could not add the staff step to the browser flow"
    kc_api "$token" POST "/authentication/flows/$sub/executions/execution" -H 'Content-Type: application/json' \
      --data-binary '{"provider": "conditional-user-role"}' >/dev/null || die "could not add the staff role condition"
    kc_api "$token" POST "/authentication/flows/$sub/executions/execution" -H 'Content-Type: application/json' \
      --data-binary '{"provider": "auth-otp-form"}' >/dev/null || die "could not add the staff OTP form"
    executions=$(kc_api "$token" GET "/authentication/flows/$flow/executions")
  fi
  # Requirements and configs, set every time (idempotent).
  jq -c '.[] | select(.displayName == "Agora staff second factor") | .requirement = "CONDITIONAL"' <<<"$executions" |
    kc_api "$token" PUT "/authentication/flows/$flow/executions" -H 'Content-Type: application/json' --data-binary @- >/dev/null
  twofa=$(jq -r '.[] | select(.level == 1 and (.displayName | test("Conditional 2FA|Conditional OTP"))) | .displayName' <<<"$executions" | head -1)
  [[ -n $twofa ]] || die "flow agora browser has no conditional 2FA step"
  if ! kc_api "$token" GET "/authentication/flows/${twofa// /%20}/executions" |
    jq -e 'any(.[]; .providerId == "conditional-user-role")' >/dev/null; then
    kc_api "$token" POST "/authentication/flows/${twofa// /%20}/executions/execution" -H 'Content-Type: application/json' \
      --data-binary '{"provider": "conditional-user-role"}' >/dev/null || die "could not add the not-staff condition"
  fi
  executions=$(kc_api "$token" GET "/authentication/flows/$flow/executions")
  while IFS=$'\t' read -r id parent provider config; do
    jq -n --arg id "$id" '{id: $id, requirement: "REQUIRED"}' |
      kc_api "$token" PUT "/authentication/flows/$flow/executions" -H 'Content-Type: application/json' --data-binary @- >/dev/null
    [[ $config == none ]] || continue
    case $parent:$provider in
      staff:conditional-user-role) body='{"alias": "agora-staff-role", "config": {"condUserRole": "staff", "negate": "false"}}' ;;
      twofa:conditional-user-role) body='{"alias": "agora-not-staff-role", "config": {"condUserRole": "staff", "negate": "true"}}' ;;
      *) continue ;;
    esac
    kc_api "$token" POST "/authentication/executions/$id/config" -H 'Content-Type: application/json' --data-binary "$body" >/dev/null ||
      die "could not configure the $provider step"
  done < <(jq -r --arg twofa "$twofa" '
      (map(select(.level == 1)) | map({key: (.index | tostring), value: .displayName}) | from_entries) as $parents
      | reduce .[] as $e ({parent: null, out: []};
          if $e.level == 1 then .parent = $e.displayName
          else .out += [[$e.id, (if .parent == "Agora staff second factor" then "staff" elif .parent == $twofa then "twofa" else "other" end),
                         ($e.providerId // "flow"), ($e.authenticationConfig // "none")]] end)
      | .out[] | select(.[1] != "other" and (.[2] == "conditional-user-role" or (.[1] == "staff" and .[2] == "auth-otp-form"))) | @tsv' <<<"$executions")
  kc_api "$token" PUT "" -H 'Content-Type: application/json' --data-binary '{"browserFlow": "agora browser"}' >/dev/null ||
    die "could not make agora browser the realm's browser flow"
  # The copied flow's password and OTP steps get their amr marking from kc_configure_second_factor,
  # which runs after this.
}

kc_stop() { stop_part keycloak "$KC_MARKER" 60; }

# --- admin REST API (master realm admin; its tokens live 60 s, so fetch one per task) --------
kc_admin_token() {
  curl -fsS --max-time 10 "$KC_URL/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" |
    jq -er .access_token
}

kc_api() { # token method path [curl args...]
  local token=$1 method=$2 path=$3
  shift 3
  curl -fsS --max-time 10 -X "$method" -H "Authorization: Bearer $token" "$KC_URL/admin/realms/$KC_REALM$path" "$@"
}

kc_user_id() { # token username: prints the id, or nothing
  kc_api "$1" GET "/users?exact=true&username=$2" | jq -r '.[0].id // empty'
}

# Creates the user if missing (then with the password given), or resets its password when asked,
# and grants the extra realm roles.
kc_ensure_user() { # token username password reset(true|false) first last email role...
  local token=$1 username=$2 password=$3 reset=$4 first=$5 last=$6 email=$7 id roles
  shift 7
  id=$(kc_user_id "$token" "$username")
  if [[ -z $id ]]; then
    jq -n --arg u "$username" --arg p "$password" --arg f "$first" --arg l "$last" --arg e "$email" \
      '{username: $u, enabled: true, emailVerified: true, firstName: $f, lastName: $l, email: $e,
        requiredActions: [], credentials: [{type: "password", value: $p, temporary: false}]}' |
      kc_api "$token" POST /users -H 'Content-Type: application/json' --data-binary @- >/dev/null ||
      die "could not create the demo user $username in realm $KC_REALM"
    id=$(kc_user_id "$token" "$username")
    [[ -n $id ]] || die "the demo user $username was created but cannot be found"
    say "created demo user $username"
  elif [[ $reset == true ]]; then
    # NOTE: no script or service ever sets a password through the admin API: a demo user whose
    # password must change is deleted and created again.
    kc_api "$token" DELETE "/users/$id" >/dev/null || die "could not replace the demo user $username"
    kc_ensure_user "$token" "$username" "$password" false "$first" "$last" "$email" "$@"
    return
  else
    say "demo user $username exists"
  fi
  (($# > 0)) || return 0
  roles=$(for role in "$@"; do kc_api "$token" GET "/roles/$role" || die "realm role $role is missing"; done | jq -s .)
  kc_api "$token" POST "/users/$id/role-mappings/realm" -H 'Content-Type: application/json' --data-binary "$roles" >/dev/null ||
    die "could not grant roles $* to $username"
}
