import { Duration } from "aws-cdk-lib";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue } from "aws-cdk-lib/aws-sqs";
import type { StackContext } from "sst/constructs";
import { Operations } from "../infra/operations";
import { useStage } from "./stage";

/**
 * What the other stacks report to: the alarm topic (with the stage's alarm
 * email) and the queue that keeps the events of scheduled and event-driven
 * Lambda runs that failed for good (on-failure destination and EventBridge DLQ).
 */
export function Monitoring({ app, stack }: StackContext) {
  const { settings } = useStage(app);
  const topic = new Topic(stack, "Alarms", { displayName: "Credits Market alarms" });
  if (settings.alarmEmail) topic.addSubscription(new EmailSubscription(settings.alarmEmail));
  const failedRuns = new Queue(stack, "FailedRuns", {
    retentionPeriod: Duration.days(14),
    enforceSSL: true,
  });
  const alarms = new Operations(stack, "MonitoringAlarms", { topic });
  alarms.watchDeadLetters("FailedRuns", failedRuns);
  stack.addOutputs({ AlarmTopicArn: topic.topicArn, FailedRunsQueueUrl: failedRuns.queueUrl });
  return { topic, failedRuns };
}
