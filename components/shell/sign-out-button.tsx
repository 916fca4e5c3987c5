"use client";

import { useActionState } from "react";
import { LogOut } from "lucide-react";
import { signOutAction } from "@/app/(portal)/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton({ label }: { label: string }) {
  const [, action, pending] = useActionState(signOutAction, undefined);
  return (
    <form action={action}>
      <Button type="submit" variant="outline" size="sm" disabled={pending}>
        <LogOut aria-hidden="true" className="size-4" />
        <span>{label}</span>
      </Button>
    </form>
  );
}
