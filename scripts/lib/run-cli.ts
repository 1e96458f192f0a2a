import { AppError } from "@/lib/errors";

/** Runs a CLI command: prints a one-line error and exits non-zero instead of dumping a stack for user mistakes. */
export function runCli(main: () => Promise<void>) {
  main().then(
    () => process.exit(),
    (error: unknown) => {
      console.error(error instanceof AppError || error instanceof TypeError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
