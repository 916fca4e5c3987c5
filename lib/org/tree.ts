/**
 * Pure organisation-tree rules (no I/O). Paths are materialised id paths:
 * the city federation is "/1/", a district under it "/1/4/", and so on.
 */
import type { OrgType } from "@/lib/generated/prisma/enums";

export type OrgNode = {
  id: number;
  parentId: number | null;
  type: OrgType;
  path: string;
  name: string;
};

/** Path of a child of `parentPath` (or a root when null). */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? "/"}${id}/`;
}

/** Ancestor ids from the root down to and including the node itself. */
export function pathIds(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

export function isInSubtree(rootPath: string, path: string): boolean {
  return path.startsWith(rootPath);
}

/** Types that report applications to the leading-group office (art. 18.1–18.2). */
export const REPORTING_TYPES: ReadonlySet<OrgType> = new Set([
  "DISTRICT_FEDERATION",
  "PILOT_ZONE_FEDERATION",
  "INDUSTRIAL_UNION",
]);

/** Types whose cadres are covered by 《办法》 (art. 2; para. 2 "by reference"). */
export const GRASSROOTS_TYPES: ReadonlySet<OrgType> = new Set([
  "GRASSROOTS_UNION",
  "JOINT_GRASSROOTS_UNION",
  "REGIONAL_FEDERATION",
]);

/** Which parent types each type may sit under. */
export const ALLOWED_PARENTS: Record<OrgType, OrgType[] | null> = {
  CITY_FEDERATION: null,
  DISTRICT_FEDERATION: ["CITY_FEDERATION"],
  PILOT_ZONE_FEDERATION: ["CITY_FEDERATION"],
  INDUSTRIAL_UNION: ["CITY_FEDERATION", "DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION"],
  GRASSROOTS_UNION: ["DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION", "INDUSTRIAL_UNION", "JOINT_GRASSROOTS_UNION", "REGIONAL_FEDERATION"],
  JOINT_GRASSROOTS_UNION: ["DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION", "INDUSTRIAL_UNION"],
  REGIONAL_FEDERATION: ["DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION", "INDUSTRIAL_UNION"],
};

/** May an organisation of `type` be placed under a parent of `parentType`? */
export function canPlaceUnder(type: OrgType, parentType: OrgType | null): boolean {
  const allowed = ALLOWED_PARENTS[type];
  if (allowed === null) return parentType === null;
  return parentType !== null && allowed.includes(parentType);
}

/**
 * The district/county (or pilot-zone) federation or industrial union a
 * grassroots union reports to (art. 18.1): the nearest such ancestor.
 * @param byId every organisation on the path, by id
 * @returns null when there is none (e.g. the city federation itself)
 */
export function reportingOrgOf<T extends OrgNode>(path: string, byId: ReadonlyMap<number, T>): T | null {
  const ids = pathIds(path).reverse();
  for (const id of ids) {
    const node = byId.get(id);
    if (node && REPORTING_TYPES.has(node.type)) return node;
  }
  return null;
}

export type TreeNode<T extends OrgNode> = T & { children: TreeNode<T>[] };

/** Nest a flat list (any order) into trees; siblings in id (creation) order. */
export function buildTree<T extends OrgNode>(nodes: readonly T[]): TreeNode<T>[] {
  const byId = new Map<number, TreeNode<T>>();
  for (const n of nodes) byId.set(n.id, { ...n, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const n of [...byId.values()].sort((a, b) => a.id - b.id)) {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}
