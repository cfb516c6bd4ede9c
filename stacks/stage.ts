import { RemovalPolicy } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";
import type { App } from "sst/constructs";
import { appEnvironment, type StageSettings, stageConfig, stageSettings } from "../stages";

/** What every stack reads about its stage: `stages/<stage>.ts`, never the deploying shell. */
export function useStage(app: App) {
  const settings: StageSettings = stageSettings(app.stage);
  const retain = settings.data === "retain";
  return {
    settings,
    /** The config the Lambdas run with: schema defaults, then the stage's settings. */
    config: stageConfig(settings),
    /** The stage's app settings as environment variables (checked by the schema). */
    environment: appEnvironment(settings),
    retain,
    removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    logRetention:
      settings.logRetentionDays === 365 ? RetentionDays.ONE_YEAR : RetentionDays.ONE_MONTH,
    /** SST's spelling of the same retention (`FunctionProps.logRetention`). */
    functionLogRetention: (settings.logRetentionDays === 365 ? "one_year" : "one_month") as
      | "one_year"
      | "one_month",
  };
}
