// Where AM serves a realm service's settings over REST, by the service's name in its config DN.
// The names differ: the REST API gives most services a shorter id of their own.

/** AM config service name -> its id under /realm-config/services/. */
export const REALM_SERVICE_PATHS: Record<string, string> = {
  OAuth2Provider: "oauth-oidc",
  selfServiceTrees: "selfServiceTrees",
  validationService: "validation",
  iPlanetAMPolicyConfigService: "policyconfiguration",
  SocialIdentityProviders: "SocialIdentityProviders",
  AuthenticatorOATH: "authenticatorOathService",
  AuthenticatorPush: "authenticatorPushService",
  AuthenticatorWebAuthn: "authenticatorWebAuthnService",
  RemoteConsentService: "RemoteConsentService",
};
