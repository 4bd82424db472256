// oidc-provider 9 ships no type declarations (and @types/oidc-provider lags behind): the part
// the test provider uses.
declare module "oidc-provider" {
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export default class Provider {
    constructor(
      issuer: string,
      configuration: Record<string, unknown> & {
        findAccount(context: unknown, id: string): Promise<Account>;
      },
    );
    listen(port: number | string, callback?: () => void): unknown;
  }
}
