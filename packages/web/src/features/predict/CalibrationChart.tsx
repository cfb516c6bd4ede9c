import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { usePrefersReducedMotion } from "../../lib/usePrefersReducedMotion";
import type { ModelScore } from "./queries";

const colors = ["#4338ca", "#0f766e", "#b4235a", "#92400e", "#1d4ed8", "#6d28d9"];
const percent = (value: number) => `${value}%`;

/**
 * Predicted probability (the bucket's mean forecast) against how often those
 * markets resolved that way, one line per model; the diagonal is perfect
 * calibration. Buckets without forecasts are left out.
 */
export function CalibrationChart({ models }: { models: ModelScore[] }) {
  const animate = !usePrefersReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 16, bottom: 20, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e7eb" />
        <XAxis
          type="number"
          dataKey="predicted"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={percent}
          tick={{ fontSize: 12, fill: "#4b5563" }}
          label={{ value: "Predicted", position: "insideBottom", offset: -12, fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={percent}
          tick={{ fontSize: 12, fill: "#4b5563" }}
          label={{
            value: "Came true",
            angle: -90,
            position: "insideLeft",
            offset: 0,
            fontSize: 12,
          }}
        />
        <ReferenceLine
          segment={[
            { x: 0, y: 0 },
            { x: 100, y: 100 },
          ]}
          stroke="#9ca3af"
          strokeDasharray="4 4"
        />
        <Tooltip formatter={(value) => `${value}%`} labelFormatter={(v) => `Predicted ${v}%`} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 13, paddingBottom: 8 }} />
        {models.map((model, index) => (
          <Line
            key={model.modelId}
            name={model.name}
            data={model.calibration
              .filter((bucket) => bucket.forecasts > 0 && bucket.meanPredicted !== null)
              .map((bucket) => ({
                predicted: Math.round((bucket.meanPredicted ?? 0) * 100),
                observed: Math.round((bucket.observedFrequency ?? 0) * 100),
              }))}
            dataKey="observed"
            stroke={colors[index % colors.length]}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={animate}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
