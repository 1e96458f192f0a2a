import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Every page carries a per-request CSP nonce (proxy.ts), which only dynamic rendering can put on its scripts.
export const dynamic = "force-dynamic";

export const metadata = { title: "DNC Console", description: "Do Not Contact list service" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
