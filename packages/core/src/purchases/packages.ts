import type { Config, CreditPackage } from "../config";
import { PackageNotFound } from "./errors";

export type { CreditPackage };

/** The packages on sale (`CREDIT_PACKAGES`), and whether buying is turned on here. */
export function creditPackages(config: Config): { enabled: boolean; packages: CreditPackage[] } {
  return { enabled: Boolean(config.STRIPE_SECRET_KEY), packages: config.CREDIT_PACKAGES };
}

export function packageById(config: Config, packageId: string): CreditPackage {
  const found = config.CREDIT_PACKAGES.find((item) => item.id === packageId);
  if (!found) throw new PackageNotFound(packageId);
  return found;
}
