package io.isthmus.sim.modbus;

import io.isthmus.sim.plc.RegisterImage;

/** A register image with recognisable contents in every table. */
final class TestImages {
    static final int COILS = 40;
    static final int DISCRETE_INPUTS = 30;
    static final int HOLDING = 50;
    static final int INPUT = 20;

    private TestImages() {}

    /** Coil i is on when i is divisible by 3, input i when divisible by 2; holding i = 1000 + i, input i = -i. */
    static RegisterImage patterned() {
        var image = new RegisterImage(COILS, DISCRETE_INPUTS, HOLDING, INPUT);
        boolean[] coils = new boolean[COILS];
        for (int i = 0; i < COILS; i++) {
            coils[i] = i % 3 == 0;
        }
        image.writeCoils(0, coils);
        for (int i = 0; i < DISCRETE_INPUTS; i++) {
            image.setDiscreteInput(i, i % 2 == 0);
        }
        short[] holding = new short[HOLDING];
        for (int i = 0; i < HOLDING; i++) {
            holding[i] = (short) (1000 + i);
        }
        image.writeHoldingRegisters(0, holding);
        for (int i = 0; i < INPUT; i++) {
            image.setInputRegister(i, (short) -i);
        }
        return image;
    }
}
