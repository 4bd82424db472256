import "server-only";
import { type AdminViewer, assertAdminViewer } from "@/lib/auth/admin-viewer";
import { db } from "@/lib/db";

/** R-PAR-2: the networks, public data (the catalogue's filter, the partner form). */
export async function listNetworks() {
  return db.network.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** The networks with how many partners belong to each (one in use cannot be deleted). */
export async function listNetworksForAdmin(viewer: AdminViewer) {
  assertAdminViewer(viewer);
  return db.network.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { partners: true } } },
  });
}

/** The choices of the partner form's network boxes. */
export function networkOptions(networks: { id: string; name: string }[]) {
  return networks.map((network) => ({ value: network.id, label: network.name }));
}
