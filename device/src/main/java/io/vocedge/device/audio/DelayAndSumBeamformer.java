package io.vocedge.device.audio;

import java.util.List;
import org.tinylog.Logger;

/**
 * Delay-and-sum beamforming for an array with known geometry. Candidate look directions lie on the horizontal
 * plane every 10 degrees; for each, the per-channel delays that line up a far-field wave from there are whole
 * samples at the capture rate. Steering follows the loudest direction slowly: every fourth block, if the block
 * is well above the noise floor (speech, not HVAC), each direction's output power is added into a slow
 * average; the beam moves only when another direction beats the current one by 1 dB. Once the front-end reports
 * the VAD's decisions ({@link #speech}), only blocks the VAD takes for foreground speech count: level alone would
 * swing the beam onto a TV or babble in every pause, and the next utterance would start under a beam that favours
 * the noise (late onsets in the issue-16 fixtures). Uncorrelated noise adds
 * up in power while the aligned voice adds up in amplitude, so N mics gain up to 10*log10(N) dB of SNR.
 */
final class DelayAndSumBeamformer implements ChannelCombiner {
    static final double SPEED_OF_SOUND = 343.0;
    private static final int DIRECTIONS = 36;
    private static final int SEARCH_EVERY_BLOCKS = 4;
    private static final double SWITCH_MARGIN = Math.pow(10, 1.0 / 10);
    private static final double SCORE_DECAY = 0.9;

    private final int channels;
    private final int[][] delays; // [direction][channel], samples
    private final float[][] history; // [channel][ring]
    private final int mask;
    private final double[] score;
    private final ChannelHealth health;
    private int writePos;
    private int steer;
    private int blocks;
    private boolean vadInformed;
    private boolean foreground;
    private double noiseFloor = Double.NaN;
    private final float floorRise;

    DelayAndSumBeamformer(List<List<Double>> positions, int sampleRate, ChannelHealth health) {
        this.channels = positions.size();
        this.health = health;
        this.delays = new int[DIRECTIONS][channels];
        int maxDelay = 0;
        for (int d = 0; d < DIRECTIONS; d++) {
            double az = 2 * Math.PI * d / DIRECTIONS;
            double ux = Math.cos(az);
            double uy = Math.sin(az);
            double[] arrival = new double[channels];
            double latest = -Double.MAX_VALUE;
            for (int c = 0; c < channels; c++) {
                // A mic further along the look direction hears the wave earlier.
                arrival[c] = -(positions.get(c).get(0) * ux + positions.get(c).get(1) * uy) / SPEED_OF_SOUND;
                latest = Math.max(latest, arrival[c]);
            }
            for (int c = 0; c < channels; c++) {
                delays[d][c] = (int) Math.round((latest - arrival[c]) * sampleRate);
                maxDelay = Math.max(maxDelay, delays[d][c]);
            }
        }
        int size = Integer.highestOneBit(Math.max(maxDelay, 1) * 2 + 8192) << 1;
        this.history = new float[channels][size];
        this.mask = size - 1;
        this.score = new double[DIRECTIONS];
        // Per tracked block (25 a second with 10 ms blocks): the floor creeps up ~3 dB per second.
        this.floorRise = (float) Math.pow(2, 1.0 / 25);
    }

    @Override
    public void speech(boolean foreground) {
        this.vadInformed = true;
        this.foreground = foreground;
    }

    @Override
    public void combine(float[] in, int frames, float[] mono) {
        int start = writePos;
        double blockPower = 0;
        for (int f = 0; f < frames; f++) {
            int base = f * channels;
            int pos = (start + f) & mask;
            for (int c = 0; c < channels; c++) {
                float x = in[base + c];
                history[c][pos] = x;
                blockPower += x * x;
            }
        }
        writePos = (start + frames) & mask;
        if (++blocks % SEARCH_EVERY_BLOCKS == 0) {
            track(start, frames, blockPower / Math.max(1, frames * channels));
        }
        beam(steer, start, frames, mono);
    }

    private void track(int start, int frames, double power) {
        if (Double.isNaN(noiseFloor) || power < noiseFloor) {
            noiseFloor = Math.max(power, 1e-12);
        } else {
            noiseFloor *= floorRise;
        }
        if (power < noiseFloor * 4) { // within 6 dB of the floor: not a talker, do not steer on it
            return;
        }
        if (vadInformed && !foreground) { // loud, but not the talker: a TV, babble, music
            return;
        }
        double best = 0;
        int bestDir = steer;
        for (int d = 0; d < DIRECTIONS; d++) {
            double p = 0;
            int[] del = delays[d];
            for (int f = 0; f < frames; f++) {
                float s = 0;
                int pos = start + f;
                for (int c = 0; c < channels; c++) {
                    s += history[c][(pos - del[c]) & mask];
                }
                p += s * s;
            }
            score[d] = score[d] * SCORE_DECAY + p;
            if (score[d] > best) {
                best = score[d];
                bestDir = d;
            }
        }
        if (bestDir != steer && best > score[steer] * SWITCH_MARGIN) {
            Logger.debug(
                    "event=beam_steered from_deg={} to_deg={}", steer * 360 / DIRECTIONS, bestDir * 360 / DIRECTIONS);
            steer = bestDir;
        }
    }

    private void beam(int direction, int start, int frames, float[] mono) {
        int[] del = delays[direction];
        int live = 0;
        for (int c = 0; c < channels; c++) {
            live += health.unusable(c) ? 0 : 1;
        }
        float scale = 1f / Math.max(1, live);
        for (int f = 0; f < frames; f++) {
            float s = 0;
            int pos = start + f;
            for (int c = 0; c < channels; c++) {
                if (!health.unusable(c)) {
                    s += history[c][(pos - del[c]) & mask];
                }
            }
            mono[f] = s * scale;
        }
    }

    @Override
    public void reset() {
        for (float[] h : history) {
            java.util.Arrays.fill(h, 0f);
        }
        java.util.Arrays.fill(score, 0);
        noiseFloor = Double.NaN;
    }

    @Override
    public String describe() {
        return "beam azimuth " + steerDegrees();
    }

    int steerDegrees() {
        return steer * 360 / DIRECTIONS;
    }
}
