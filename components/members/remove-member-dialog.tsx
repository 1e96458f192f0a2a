"use client";

import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { Member } from "@/lib/members/schemas";

/** Confirms a removal; removing yourself is leaving the team, and says so. Cancel, Escape and a click outside do nothing. */
export function RemoveMemberDialog({
  member,
  teamName,
  onCancel,
  onConfirm,
}: {
  member: Member | null;
  teamName: string;
  onCancel: () => void;
  onConfirm: (member: Member) => void;
}) {
  return (
    <AlertDialog open={member !== null} onOpenChange={(open) => !open && onCancel()}>
      {member ? (
        <AlertDialogContent
          title={member.isYou ? `Leave ${teamName}?` : `Remove ${member.name} from ${teamName}?`}
          description={
            member.isYou
              ? "You lose access to this team's list at once. An owner or admin can invite you again."
              : `${member.email} loses access at once, in every browser they are signed in with. Their account stays; they can be invited again.`
          }
          onOutsideClick={onCancel}
        >
          <div className="flex justify-end gap-2">
            <AlertDialogCancel asChild>
              <Button>Cancel</Button>
            </AlertDialogCancel>
            <AlertDialogAction asChild>
              <Button variant="danger" onClick={() => onConfirm(member)}>
                {member.isYou ? "Leave team" : "Remove member"}
              </Button>
            </AlertDialogAction>
          </div>
        </AlertDialogContent>
      ) : null}
    </AlertDialog>
  );
}
