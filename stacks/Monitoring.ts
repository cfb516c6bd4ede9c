import { Duration } from "aws-cdk-lib";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Topic } from "aws-cdk-lib/aws-sns";
import { EmailSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Queue } from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
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
  // EventBridge puts an event it could not deliver to its Lambda here (each rule's
  // target DLQ). One statement for every rule of this account and region: a
  // statement per rule would tie this stack to every stack with a rule.
  failedRuns.addToResourcePolicy(
    new PolicyStatement({
      sid: "EventBridgeTargetDeadLetters",
      principals: [new ServicePrincipal("events.amazonaws.com")],
      actions: ["sqs:SendMessage"],
      resources: [failedRuns.queueArn],
      conditions: {
        ArnLike: {
          "aws:SourceArn": `arn:${stack.partition}:events:${stack.region}:${stack.account}:rule/*`,
        },
        StringEquals: { "aws:SourceAccount": stack.account },
      },
    }),
  );
  const alarms = new Operations(stack, "MonitoringAlarms", { topic });
  alarms.watchDeadLetters("FailedRuns", failedRuns);
  stack.addOutputs({ AlarmTopicArn: topic.topicArn, FailedRunsQueueUrl: failedRuns.queueUrl });
  return {
    topic,
    failedRuns,
    /** `failedRuns` for an EventBridge target in another stack (the policy above already lets every rule send). */
    deadLetters: (scope: Construct) =>
      Queue.fromQueueAttributes(scope, "FailedRunsDeadLetters", {
        queueArn: failedRuns.queueArn,
        queueUrl: failedRuns.queueUrl,
      }),
  };
}
