// Where AM serves a realm service's configuration: the service's name in a config DN
// (the `ou=` before `ou=services`) -> its id under /realm-config/services/<id>.
export const REALM_SERVICE_PATHS: Record<string, string> = {
  OAuth2Provider: "oauth-oidc",
  selfServiceTrees: "selfServiceTrees",
  validationService: "validation",
  iPlanetAMPolicyConfigService: "policyconfiguration",
};
