import type { ComponentProps } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-accent text-white shadow-sm hover:bg-accent-hover disabled:opacity-50",
  secondary: "border border-input bg-surface text-foreground shadow-sm hover:bg-subtle disabled:opacity-50",
  danger: "bg-danger text-white shadow-sm hover:bg-danger-hover disabled:opacity-50",
  ghost: "text-muted-foreground hover:bg-muted disabled:opacity-50",
  "ghost-danger": "text-danger-text hover:bg-danger-soft disabled:opacity-50",
  "ghost-accent": "text-accent-text hover:bg-accent-border/40 disabled:opacity-50",
} as const;

const SIZES = { sm: "h-8 px-2.5 text-xs", md: "h-9 px-3.5 text-sm", icon: "h-8 w-8 justify-center" } as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
};

export function Button({ variant = "secondary", size = "md", className, type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring disabled:cursor-not-allowed",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
