import { redirect } from "next/navigation";

// The dashboard's home is the list itself; the layout there sends signed-out visitors to sign in.
export default function HomePage() {
  redirect("/entries");
}
