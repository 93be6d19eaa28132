import { describe, expect, it } from "vitest";
import { playbackFacts, renditionReasons, type PlaybackFacts } from "./rendition-rule";
import { fitSize } from "./video-rendition-args";

const PLAIN: PlaybackFacts = { mime: "video/mp4", videoCodec: "h264", profile: "High", pixFmt: "yuv420p", transfer: "bt709", width: 1080, height: 608, rotation: 0, audioCodec: "aac", durationMs: 3000 };

describe("renditionReasons: the one rule for web-playable video", () => {
  it("leaves H.264 High 8-bit SDR + AAC in MP4 within the size alone", () => {
    expect(renditionReasons(PLAIN, 1080)).toEqual([]);
    expect(renditionReasons({ ...PLAIN, audioCodec: null, profile: "Constrained Baseline", pixFmt: "yuvj420p", transfer: null }, 1080)).toEqual([]);
  });

  it.each<[string, Partial<PlaybackFacts>, string]>([
    ["HEVC (Galaxy, iPhone)", { videoCodec: "hevc", profile: "Main" }, "codec hevc"],
    ["10-bit H.264", { profile: "High 10", pixFmt: "yuv420p10le" }, "H.264 profile High 10"],
    ["4:2:2", { profile: "High 4:2:2", pixFmt: "yuv422p" }, "pixel format yuv422p"],
    ["HDR10 / HDR10+ (PQ)", { transfer: "smpte2084" }, "HDR transfer smpte2084"],
    ["HLG", { transfer: "arib-std-b67" }, "HDR transfer arib-std-b67"],
    ["a MOV container", { mime: "video/quicktime" }, "container video/quicktime"],
    ["an MPEG-2 AVI", { mime: "video/vnd.avi", videoCodec: "mpeg2video" }, "codec mpeg2video"],
    ["AC-3 audio", { audioCodec: "ac3" }, "audio ac3"],
    ["4K over the 1080 setting", { width: 3840, height: 2160 }, "size 3840×2160 over 1080p"],
  ])("%s needs a rendition", (_, change, reason) => {
    expect(renditionReasons({ ...PLAIN, ...change }, 1080)).toContain(reason);
  });

  it("measures the shorter side against the setting (720p/1080p/2160p): a 1080p phone clip plays as is", () => {
    expect(renditionReasons({ ...PLAIN, width: 2160, height: 1216 }, 2160)).toEqual([]);
    expect(renditionReasons({ ...PLAIN, width: 1920, height: 1080 }, 1080)).toEqual([]);
    expect(renditionReasons({ ...PLAIN, width: 1080, height: 1920 }, 1080)).toEqual([]);
    expect(renditionReasons({ ...PLAIN, width: 1920, height: 1080 }, 720)).toEqual(["size 1920×1080 over 720p"]);
  });
});

describe("playbackFacts", () => {
  it("reads a rotated phone video as portrait and ignores cover art", () => {
    const facts = playbackFacts({
      streams: [
        { codec_type: "video", codec_name: "mjpeg", disposition: { attached_pic: 1 }, width: 10, height: 10 },
        { codec_type: "video", codec_name: "hevc", profile: "Main 10", pix_fmt: "yuv420p10le", color_transfer: "smpte2084", width: 3840, height: 2160, side_data_list: [{ rotation: -90 }] },
        { codec_type: "audio", codec_name: "aac" },
      ],
      format: { duration: "2.500000" },
    }, "video/quicktime");
    expect(facts).toMatchObject({ videoCodec: "hevc", width: 2160, height: 3840, rotation: 270, durationMs: 2500, audioCodec: "aac" });
  });

  it("is null without a video stream", () => {
    expect(playbackFacts({ streams: [{ codec_type: "audio", codec_name: "wmav2" }] }, "video/x-ms-asf")).toBeNull();
  });
});

describe("fitSize", () => {
  it("fits the shorter side, keeps even sizes and never upscales", () => {
    expect(fitSize(3840, 2160, 1080)).toEqual({ width: 1920, height: 1080 });
    expect(fitSize(2160, 3840, 720)).toEqual({ width: 720, height: 1280 });
    expect(fitSize(641, 361, 1080)).toEqual({ width: 642, height: 362 });
  });
});
