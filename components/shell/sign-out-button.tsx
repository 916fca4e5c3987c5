"use client";

import { useActionState } from "react";
import { LogOut } from "lucide-react";
import type { ServerAction } from "@/lib/server/action";
import { Button } from "@/components/ui/button";

/** Sign out through `action` (app/(portal)/actions.ts signOutAction), a plain POST form. */
export function SignOutButton({ label, action: signOut }: { label: string; action: ServerAction<null> }) {
  const [, action, pending] = useActionState(signOut, undefined);
  return (
    <form action={action}>
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <LogOut aria-hidden="true" className="size-4" />
        <span>{label}</span>
      </Button>
    </form>
  );
}
