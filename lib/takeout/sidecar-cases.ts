/**
 * Takeout naming cases seen in real exports, gathered from other importers' public test suites and
 * issue trackers (only the file names and the pairing they imply; no code). Each case is one
 * folder of an export: its media files, its JSON files (with the `title` inside where the case
 * depends on it) and, for every media file, the JSON that describes it (null: none does).
 * `peer` says where another importer expects something else, and why Albums does not.
 * Driven by match-sidecars.test.ts.
 */
export type SidecarCase = {
  source: string;
  media: string[];
  sidecars: (string | { name: string; title: string })[];
  expect: Record<string, string | null>;
  /** edited copy → its original, where the case is about edited copies */
  editedFrom?: Record<string, string>;
  peer?: string;
};

const IMMICH_GO_TEST = "simulot/immich-go adapters/googlePhotos/matcher_test.go";
const LONG = "123456789123456789123456789123456789_DSCN00"; // the prefix of GPTH-Neo #29's long names

export const SIDECAR_CASES: SidecarCase[] = [
  {
    source: IMMICH_GO_TEST,
    media: ["PXL_20211013_220651983.jpg", "PXL_20211013_220651958.jpg"],
    sidecars: ["PXL_20211013_220651983.jpg.json"],
    expect: { "PXL_20211013_220651983.jpg": "PXL_20211013_220651983.jpg.json", "PXL_20211013_220651958.jpg": null },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["PXL_20220405_090123740.PORTRAIT.jpg", "PXL_20220405_090123740.PORTRAIT-modifié.jpg", "PXL_20220405_090123741.PORTRAIT-modifié.jpg"],
    sidecars: ["PXL_20220405_090123740.PORTRAIT.jpg.json"],
    expect: {
      "PXL_20220405_090123740.PORTRAIT.jpg": "PXL_20220405_090123740.PORTRAIT.jpg.json",
      "PXL_20220405_090123740.PORTRAIT-modifié.jpg": "PXL_20220405_090123740.PORTRAIT.jpg.json",
      "PXL_20220405_090123741.PORTRAIT-modifié.jpg": null,
    },
    editedFrom: { "PXL_20220405_090123740.PORTRAIT-modifié.jpg": "PXL_20220405_090123740.PORTRAIT.jpg" },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["DSC_0100.JPG", "DSC_0101(1).JPG", "DSC_0102(1).JPG", "DSC_0103.JPG", "IMG_2710(1).HEIC"],
    sidecars: ["DSC_0100.JPG.json", "DSC_0101.JPG(1).json", "DSC_0102.JPG(2).json", "DSC_0103.JPG(1).json", "IMG_2710.HEIC(1).json"],
    expect: { "DSC_0100.JPG": "DSC_0100.JPG.json", "DSC_0101(1).JPG": "DSC_0101.JPG(1).json", "DSC_0102(1).JPG": null, "DSC_0103.JPG": null, "IMG_2710(1).HEIC": "IMG_2710.HEIC(1).json" },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["DSC_0104(1).JPG"],
    sidecars: ["DSC_0104.JPG.json"],
    expect: { "DSC_0104(1).JPG": "DSC_0104.JPG.json" },
    peer:
      "immich-go pairs nothing here. Takeout does export `(n)` copies whose own `(n)` JSON is missing (the \"forgotten duplicate\" of TAKEOUT.md); the unindexed JSON is then the only metadata there is for a photo uploaded under the same name, so Albums uses it and the report names the rule (`duplicate`). The file's own EXIF date still wins over the JSON's.",
  },
  {
    source: IMMICH_GO_TEST,
    media: ["PXL_20231118_035751175.MP.jpg", "PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGINA.jpg", "05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jpg", "Screenshot_2024-08-31-00-53-48-647_com.snapchat.jpg"],
    sidecars: ["PXL_20231118_035751175.MP.jpg.json", "PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGIN.json", "05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jp.json", "Screenshot_2024-08-31-00-53-48-647_com.snapcha.json"],
    expect: {
      "PXL_20231118_035751175.MP.jpg": "PXL_20231118_035751175.MP.jpg.json",
      "PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGINA.jpg": "PXL_20230809_203449253.LONG_EXPOSURE-02.ORIGIN.json",
      "05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jpg": "05yqt21kruxwwlhhgrwrdyb6chhwszi9bqmzu16w0 2.jp.json",
      "Screenshot_2024-08-31-00-53-48-647_com.snapchat.jpg": "Screenshot_2024-08-31-00-53-48-647_com.snapcha.json",
    },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗😙😚😋😛.jpg"],
    sidecars: ["😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗😙😚😋.json"],
    expect: { "😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗😙😚😋😛.jpg": "😀😃😄😁😆😅😂🤣🥲☺️😊😇🙂🙃😉😌😍🥰😘😗😙😚😋.json" },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["Backyard_ceremony_wedding_photography_xxxxxxx_m(494).jpg", "Backyard_ceremony_wedding_photography_xxxxxxx_m(185).jpg"],
    sidecars: ["Backyard_ceremony_wedding_photography_xxxxxxx_(494).json"],
    expect: { "Backyard_ceremony_wedding_photography_xxxxxxx_m(494).jpg": "Backyard_ceremony_wedding_photography_xxxxxxx_(494).json", "Backyard_ceremony_wedding_photography_xxxxxxx_m(185).jpg": null },
  },
  {
    source: IMMICH_GO_TEST,
    media: ["original_1d4caa6f-16c6-4c3d-901b-9387de10e528_P.jpg", "original_1d4caa6f-16c6-4c3d-901b-9387de10e528_P(1).jpg"],
    sidecars: ["original_1d4caa6f-16c6-4c3d-901b-9387de10e528_.json"],
    expect: { "original_1d4caa6f-16c6-4c3d-901b-9387de10e528_P.jpg": "original_1d4caa6f-16c6-4c3d-901b-9387de10e528_.json", "original_1d4caa6f-16c6-4c3d-901b-9387de10e528_P(1).jpg": "original_1d4caa6f-16c6-4c3d-901b-9387de10e528_.json" },
  },
  {
    source: "https://github.com/simulot/immich-go/issues/405",
    media: ["PXL_20210102_221126856.MP~2", "PXL_20210102_221126856.MP~2.jpg"],
    sidecars: ["PXL_20210102_221126856.MP~2.jpg.json"],
    expect: { "PXL_20210102_221126856.MP~2": "PXL_20210102_221126856.MP~2.jpg.json", "PXL_20210102_221126856.MP~2.jpg": "PXL_20210102_221126856.MP~2.jpg.json" },
    peer: "immich-go's test only pairs the .MP~2.jpg; the issue shows the .MP~2 clip beside it (skipped there as an unknown type). Albums gives the clip the still's sidecar.",
  },
  {
    source: "https://github.com/Xentraxx/GooglePhotosTakeoutHelper_Neo/issues/120",
    media: ["PXL_20201227_164322043.MP", "PXL_20201227_164322043.MP.jpg"],
    sidecars: ["PXL_20201227_164322043.MP.jpg.supplemental-met.json"],
    expect: { "PXL_20201227_164322043.MP": "PXL_20201227_164322043.MP.jpg.supplemental-met.json", "PXL_20201227_164322043.MP.jpg": "PXL_20201227_164322043.MP.jpg.supplemental-met.json" },
  },
  {
    source: "https://github.com/simulot/immich-go/issues/613 (via matcher_test.go)",
    media: ["13039_327707840323_537645323_9470255_27214_n.jpg", "13039_327707840323_537645323_9470255_27214_n(1).jpg"],
    sidecars: ["13039_327707840323_537645323_9470255_27214_n.j.json", "13039_327707840323_537645323_9470255_27214_n.j(1).json"],
    expect: { "13039_327707840323_537645323_9470255_27214_n.jpg": "13039_327707840323_537645323_9470255_27214_n.j.json", "13039_327707840323_537645323_9470255_27214_n(1).jpg": "13039_327707840323_537645323_9470255_27214_n.j(1).json" },
  },
  {
    source: "https://github.com/simulot/immich-go/issues/652 (via matcher_test.go)",
    media: ["20161105_170829.jpg", "Screenshot_20231027_123303_Facebook.jpg", "Screenshot_20231027_123303_Facebook(1).jpg", "Screenshot_20231027_123303_Facebook-edited.jpg", "MVIMG_20191230_232926.jpg", "Screenshot_20200301-161151.png", "MVIMG_20200207_134534~2.jpg"],
    sidecars: ["20161105_170829.jpg.supplemental-metadata.json", "Screenshot_20231027_123303_Facebook.jpg.supple.json", "Screenshot_20231027_123303_Facebook.jpg.supple(1).json", "MVIMG_20191230_232926.jpg.supplemental-metadat.json", "Screenshot_20200301-161151.png.supplemental-me.json", "MVIMG_20200207_134534~2.jpg.supplemental-metad.json"],
    expect: {
      "20161105_170829.jpg": "20161105_170829.jpg.supplemental-metadata.json",
      "Screenshot_20231027_123303_Facebook.jpg": "Screenshot_20231027_123303_Facebook.jpg.supple.json",
      "Screenshot_20231027_123303_Facebook(1).jpg": "Screenshot_20231027_123303_Facebook.jpg.supple(1).json",
      "Screenshot_20231027_123303_Facebook-edited.jpg": "Screenshot_20231027_123303_Facebook.jpg.supple.json",
      "MVIMG_20191230_232926.jpg": "MVIMG_20191230_232926.jpg.supplemental-metadat.json",
      "Screenshot_20200301-161151.png": "Screenshot_20200301-161151.png.supplemental-me.json",
      "MVIMG_20200207_134534~2.jpg": "MVIMG_20200207_134534~2.jpg.supplemental-metad.json",
    },
    editedFrom: { "Screenshot_20231027_123303_Facebook-edited.jpg": "Screenshot_20231027_123303_Facebook.jpg" },
  },
  {
    source: "https://github.com/simulot/immich-go/issues/673 (via matcher_test.go)",
    media: ["Scan35(1).jpg", "CLIP0001(10).AVI"],
    sidecars: ["Scan35.jpg.supplemental-metadata(1).json", "CLIP0001.AVI.supplemental-metadata(10).json"],
    expect: { "Scan35(1).jpg": "Scan35.jpg.supplemental-metadata(1).json", "CLIP0001(10).AVI": "CLIP0001.AVI.supplemental-metadata(10).json" },
  },
  {
    source: "https://github.com/simulot/immich-go/issues/698 and /674 (via matcher_test.go)",
    media: ["IMAG0061-edited.JPG", "IMG-20230325-WA0122~2-edited.jpg"],
    sidecars: ["IMAG0061.JPG.supplemental-metadata.json", "IMG-20230325-WA0122~2.jpg.supplemental-metadat.json"],
    expect: { "IMAG0061-edited.JPG": "IMAG0061.JPG.supplemental-metadata.json", "IMG-20230325-WA0122~2-edited.jpg": "IMG-20230325-WA0122~2.jpg.supplemental-metadat.json" },
  },
  {
    // The photo was uploaded as "2234089303984509579" (no extension): its JSON is named and titled so.
    source: "https://github.com/simulot/immich-go/issues/674 (via matcher_test.go)",
    media: ["2234089303984509579.jpg", "2234089303984509579-edited.jpg"],
    sidecars: [{ name: "2234089303984509579.supplemental-metadata.json", title: "2234089303984509579" }],
    expect: { "2234089303984509579.jpg": "2234089303984509579.supplemental-metadata.json", "2234089303984509579-edited.jpg": "2234089303984509579.supplemental-metadata.json" },
    editedFrom: { "2234089303984509579-edited.jpg": "2234089303984509579.jpg" },
  },
  {
    source: "https://github.com/aronreid/google-takeout-fixer/issues/1",
    media: ["img_1234.jpg", "img_1234.mov", "img_1234(1).jpg", "img_1234(1).mov"],
    sidecars: ["img_1234.jpg.json", "img_1234.jpg(1).json"],
    expect: { "img_1234.jpg": "img_1234.jpg.json", "img_1234.mov": "img_1234.jpg.json", "img_1234(1).jpg": "img_1234.jpg(1).json", "img_1234(1).mov": "img_1234.jpg(1).json" },
    peer: "The reporter notes the two Live Photos' halves may be crossed (only Apple's ContentIdentifier inside the files tells); the JSON pairing by name is still the one Takeout means, and Albums does not link Takeout halves by name alone.",
  },
  {
    // Spanish exports: "-ha editado", cut by the length cap to "-ha edit" or "-ha" on long names.
    source: "https://github.com/Xentraxx/GooglePhotosTakeoutHelper_Neo/issues/29",
    media: [`${LONG}91.JPG`, `${LONG}91(1).JPG`, `${LONG}91-ha edit.JPG`, `${LONG}91-ha edit(1).JPG`, `${LONG}95.JPG`, `${LONG}95-ha editado.JPG`, `${LONG}98.JPG`, `${LONG}98(1).JPG`, `${LONG}98-ha.JPG`],
    sidecars: [`${LONG}91.JP.supplemental-meta.json`, `${LONG}91.JP.supplemental-meta(1).json`, `${LONG}95.JP.supplemental.json`, `${LONG}98.JPG.su.json`, `${LONG}98.JPG.su(1).json`],
    expect: {
      [`${LONG}91.JPG`]: `${LONG}91.JP.supplemental-meta.json`,
      [`${LONG}91(1).JPG`]: `${LONG}91.JP.supplemental-meta(1).json`,
      [`${LONG}91-ha edit.JPG`]: `${LONG}91.JP.supplemental-meta.json`,
      [`${LONG}91-ha edit(1).JPG`]: `${LONG}91.JP.supplemental-meta(1).json`,
      [`${LONG}95.JPG`]: `${LONG}95.JP.supplemental.json`,
      [`${LONG}95-ha editado.JPG`]: `${LONG}95.JP.supplemental.json`,
      [`${LONG}98.JPG`]: `${LONG}98.JPG.su.json`,
      [`${LONG}98(1).JPG`]: `${LONG}98.JPG.su(1).json`,
      [`${LONG}98-ha.JPG`]: `${LONG}98.JPG.su.json`,
    },
    editedFrom: { [`${LONG}91-ha edit.JPG`]: `${LONG}91.JPG`, [`${LONG}91-ha edit(1).JPG`]: `${LONG}91(1).JPG`, [`${LONG}95-ha editado.JPG`]: `${LONG}95.JPG`, [`${LONG}98-ha.JPG`]: `${LONG}98.JPG` },
    peer: "The reporter built this set by hand from the shapes seen in a real Spanish export (its sidecar names run past the 51-character cap a real one keeps); the cuts it shows are kept as cases, the exact lengths are not evidence.",
  },
  {
    // Both sidecar forms for one photo (an old and a new export merged, or a re-export into the
    // same folder): the whole `.supplemental-metadata` one wins, whichever comes first in the archive.
    source: "this project's issue 22 (reported as a miss on real exports); cut forms per https://github.com/ente/ente/pull/4956",
    media: ["IMG_20250112_100426.jpg", "PXL_20240301_080000000.jpg"],
    sidecars: ["IMG_20250112_100426.jpg.json", "IMG_20250112_100426.jpg.supplemental-metadata.json", "PXL_20240301_080000000.jpg.supplemental-metada.json", "PXL_20240301_080000000.jpg.json"],
    expect: { "IMG_20250112_100426.jpg": "IMG_20250112_100426.jpg.supplemental-metadata.json", "PXL_20240301_080000000.jpg": "PXL_20240301_080000000.jpg.json" },
  },
];
