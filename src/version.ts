/** The package version, for the User-Agent header; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
export const USER_AGENT = `fungies-openapi/${VERSION}`;
