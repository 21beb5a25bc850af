import { z } from "zod";

export const ZSignIn = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});
export type TSignIn = z.infer<typeof ZSignIn>;
