import { describe, expect, it } from "vitest";
import { buildTree, canPlaceUnder, childPath, isInSubtree, pathIds, reportingOrgOf, type OrgNode } from "@/lib/org/tree";

const nodes: OrgNode[] = [
  { id: 1, parentId: null, type: "CITY_FEDERATION", path: "/1/", name: "大连市总工会" },
  { id: 2, parentId: 1, type: "DISTRICT_FEDERATION", path: "/1/2/", name: "中山区总工会" },
  { id: 3, parentId: 1, type: "INDUSTRIAL_UNION", path: "/1/3/", name: "机械冶金建材工会" },
  { id: 10, parentId: 2, type: "JOINT_GRASSROOTS_UNION", path: "/1/2/10/", name: "青泥洼桥街道联合工会" },
  { id: 11, parentId: 10, type: "GRASSROOTS_UNION", path: "/1/2/10/11/", name: "某企业工会" },
  { id: 12, parentId: 3, type: "GRASSROOTS_UNION", path: "/1/3/12/", name: "重型装备工会" },
];
const byId = new Map(nodes.map((n) => [n.id, n]));

describe("organisation tree", () => {
  it("builds materialised paths and reads them back", () => {
    expect(childPath(null, 1)).toBe("/1/");
    expect(childPath("/1/2/", 10)).toBe("/1/2/10/");
    expect(pathIds("/1/2/10/11/")).toEqual([1, 2, 10, 11]);
  });

  it("treats subtrees on segment boundaries", () => {
    expect(isInSubtree("/1/2/", "/1/2/10/11/")).toBe(true);
    expect(isInSubtree("/1/2/", "/1/20/")).toBe(false);
    expect(isInSubtree("/1/2/", "/1/")).toBe(false);
  });

  it("finds the district or industrial union a union reports to (art. 18.1)", () => {
    expect(reportingOrgOf("/1/2/10/11/", byId)?.name).toBe("中山区总工会");
    expect(reportingOrgOf("/1/3/12/", byId)?.name).toBe("机械冶金建材工会");
    expect(reportingOrgOf("/1/", byId)).toBeNull();
  });

  it("allows only sensible parents", () => {
    expect(canPlaceUnder("CITY_FEDERATION", null)).toBe(true);
    expect(canPlaceUnder("CITY_FEDERATION", "DISTRICT_FEDERATION")).toBe(false);
    expect(canPlaceUnder("DISTRICT_FEDERATION", "CITY_FEDERATION")).toBe(true);
    expect(canPlaceUnder("GRASSROOTS_UNION", "CITY_FEDERATION")).toBe(false);
    expect(canPlaceUnder("GRASSROOTS_UNION", "JOINT_GRASSROOTS_UNION")).toBe(true);
    expect(canPlaceUnder("GRASSROOTS_UNION", null)).toBe(false);
  });

  it("nests a flat list in any order", () => {
    const roots = buildTree([...nodes].reverse());
    expect(roots).toHaveLength(1);
    expect(roots[0]!.children.map((c) => c.id)).toEqual([2, 3]);
    expect(roots[0]!.children[0]!.children[0]!.children[0]!.name).toBe("某企业工会");
  });
});
