/** The public TypeScript surface of a build: per package entry point, every export and its printed members. */
export interface PublicSurface {
  /** Entry point (`.`, `./testing`) → export name → description. Keys are sorted for stable JSON. */
  readonly entries: Readonly<Record<string, Readonly<Record<string, ExportSurface>>>>;
}

export const exportKinds = ["function", "class", "interface", "type", "union", "const", "enum", "namespace"] as const;
export type ExportKind = (typeof exportKinds)[number];

/**
 * One export: its kind plus named members, each a printed type or signature.
 * Functions: `call` / `call#2` → signature. Interfaces and object types: property → type (`?` suffix when optional).
 * Classes: `new`, instance members and `static name`. Unions: each member's text → `"member"`. Other types/consts: `=` → text.
 */
export interface ExportSurface {
  readonly kind: ExportKind;
  readonly members: Readonly<Record<string, string>>;
}

export const surfaceChangeKinds = ["export-added", "export-removed", "export-kind-changed", "member-added", "member-removed", "member-changed"] as const;
export type SurfaceChangeKind = (typeof surfaceChangeKinds)[number];

export interface SurfaceChange {
  readonly kind: SurfaceChangeKind;
  /** `./testing#startFakeApi` or `.#Cluster.status`. */
  readonly location: string;
  readonly breaking: boolean;
  readonly message: string;
}
