import sharp from "sharp";
import { AppError } from "@/lib/errors";
import type { Captioner } from "./captioner";

export type OpenAiCaptionerOptions = {
  /** Base URL of an OpenAI-compatible API, up to and including `/v1` (Ollama: http://host:11434/v1). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  prompt?: string;
  timeoutMs?: number;
  maxTokens?: number;
  /** The image is sent as a JPEG whose longer side is at most this (vision models downscale anyway). */
  maxSide?: number;
};

const DEFAULT_PROMPT = "Describe this photo in one plain sentence for a photo library search index. Mention the main subjects, the setting and any legible text. No preamble.";

/**
 * A captioner over an OpenAI-compatible `POST {baseUrl}/chat/completions` endpoint (OpenAI, Ollama,
 * llama.cpp, vLLM, LM Studio): the photo goes as a base64 JPEG data URL in one user message.
 * Fails with AppError "unavailable" on timeouts, network errors, non-2xx answers and malformed replies.
 */
export function createOpenAiCaptioner(options: OpenAiCaptionerOptions): Captioner {
  const { model, apiKey, prompt = DEFAULT_PROMPT, timeoutMs = 60_000, maxTokens = 120, maxSide = 1024 } = options;
  const url = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  return {
    id: `openai:${model}`,
    async caption(image) {
      const jpeg = await sharp(image, { failOn: "error" })
        .rotate()
        .resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 85 })
        .toBuffer();
      const body = {
        model,
        stream: false,
        max_tokens: maxTokens,
        temperature: 0,
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: prompt },
              { type: "image_url", image_url: { url: `data:image/jpeg;base64,${jpeg.toString("base64")}` } },
            ],
          },
        ],
      };
      let response: Response;
      let text: string;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const reason = (error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describeNetworkError(error);
        throw new AppError("unavailable", `Caption endpoint ${url}: ${reason}`, { cause: error });
      }
      if (!response.ok) {
        throw new AppError("unavailable", `Caption endpoint ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      }
      return parseCaption(url, text);
    },
  };
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return cause?.message ?? cause?.code ?? (error as Error).message;
}

function parseCaption(url: string, text: string): string {
  let reply: unknown;
  try {
    reply = JSON.parse(text);
  } catch {
    throw new AppError("unavailable", `Caption endpoint ${url} sent a reply that is not JSON: ${text.slice(0, 200)}`);
  }
  const content = (reply as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
  const caption = typeof content === "string" ? content.trim() : "";
  if (!caption) throw new AppError("unavailable", `Caption endpoint ${url} sent no choices[0].message.content: ${text.slice(0, 200)}`);
  return caption;
}
