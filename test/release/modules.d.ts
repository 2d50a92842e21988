// The parts of the untyped libraries the release test uses: frictionlessdata's `datapackage`, and js-yaml.
declare module "datapackage" {
  export class Package {
    static load(descriptor: string | object, options?: {basePath?: string; strict?: boolean}): Promise<Package>;
    valid: boolean;
    errors: Error[];
    descriptor: Record<string, unknown>;
    resources: {name: string; descriptor: Record<string, unknown> & {path: string; schema: object}}[];
  }
  export function validate(descriptor: object): Promise<{valid: boolean; errors: Error[]}>;
}

// js-yaml (a dependency of the site's tools, no types installed): only load
declare module "js-yaml" {
  const yaml: {load(text: string): unknown};
  export default yaml;
}
